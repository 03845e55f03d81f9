package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Options of an extraction; every field is optional and a {@code null} one is not sent, so the
 * account's preference applies. Colours are {@code none|yellow|orange|red}; the language is
 * {@code automatic} or a code such as {@code en}; excluded columns are {@code source_file|review_needed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtractionOptions(List<String> excludeColumns,
                                String outputLanguage,
                                String reviewNeededFillColor,
                                String affectedFieldFillColor,
                                Boolean sendCompletionEmail,
                                Boolean jsonTypedValues,
                                Boolean askQuestions) {

    public ExtractionOptions {
        excludeColumns = excludeColumns == null ? null : List.copyOf(excludeColumns);
    }

    /** Native JSON types in the rows: the recommended setting for code that reads them. */
    public static ExtractionOptions typedValues() {
        return builder().jsonTypedValues(true).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<String> excludeColumns;
        private String outputLanguage;
        private String reviewNeededFillColor;
        private String affectedFieldFillColor;
        private Boolean sendCompletionEmail;
        private Boolean jsonTypedValues;
        private Boolean askQuestions;

        private Builder() {
        }

        public Builder excludeColumns(List<String> excludeColumns) {
            this.excludeColumns = excludeColumns;
            return this;
        }

        public Builder outputLanguage(String outputLanguage) {
            this.outputLanguage = outputLanguage;
            return this;
        }

        public Builder reviewNeededFillColor(String color) {
            this.reviewNeededFillColor = color;
            return this;
        }

        public Builder affectedFieldFillColor(String color) {
            this.affectedFieldFillColor = color;
            return this;
        }

        public Builder sendCompletionEmail(boolean send) {
            this.sendCompletionEmail = send;
            return this;
        }

        public Builder jsonTypedValues(boolean typed) {
            this.jsonTypedValues = typed;
            return this;
        }

        public Builder askQuestions(boolean ask) {
            this.askQuestions = ask;
            return this;
        }

        public ExtractionOptions build() {
            return new ExtractionOptions(excludeColumns, outputLanguage, reviewNeededFillColor,
                    affectedFieldFillColor, sendCompletionEmail, jsonTypedValues, askQuestions);
        }
    }
}
