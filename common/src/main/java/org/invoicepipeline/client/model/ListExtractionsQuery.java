package org.invoicepipeline.client.model;

import java.time.OffsetDateTime;

/** Filters and paging of {@code listExtractions}; every field is optional ({@code null} = not sent). */
public record ListExtractionsQuery(ExtractionState status, String submissionMethod, OffsetDateTime createdAfter,
                                   OffsetDateTime createdBefore, Integer limit, String cursor) {

    public ListExtractionsQuery {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new IllegalArgumentException("limit must be 1 to 100, was " + limit);
        }
    }

    public static ListExtractionsQuery all() {
        return builder().build();
    }

    /** The same filters, for the page after {@code cursor}. */
    public ListExtractionsQuery withCursor(String nextCursor) {
        return new ListExtractionsQuery(status, submissionMethod, createdAfter, createdBefore, limit, nextCursor);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ExtractionState status;
        private String submissionMethod;
        private OffsetDateTime createdAfter;
        private OffsetDateTime createdBefore;
        private Integer limit;
        private String cursor;

        private Builder() {
        }

        public Builder status(ExtractionState status) {
            this.status = status;
            return this;
        }

        /** {@code api} or {@code web_app}. */
        public Builder submissionMethod(String submissionMethod) {
            this.submissionMethod = submissionMethod;
            return this;
        }

        public Builder createdAfter(OffsetDateTime createdAfter) {
            this.createdAfter = createdAfter;
            return this;
        }

        public Builder createdBefore(OffsetDateTime createdBefore) {
            this.createdBefore = createdBefore;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        public ListExtractionsQuery build() {
            return new ListExtractionsQuery(status, submissionMethod, createdAfter, createdBefore, limit, cursor);
        }
    }
}
