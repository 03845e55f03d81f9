package org.invoicepipeline.submit.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.ExtractionList;
import org.invoicepipeline.client.model.ExtractionState;
import org.invoicepipeline.client.model.ListExtractionsQuery;

/**
 * The account's extractions in flight, as the API lists them ({@code listExtractions} filtered by status, 100 per
 * page; its own rate-limit group of 60 calls a minute), so extractions started in the web app or by other instances
 * count too; plus the extractions this instance admitted since that reading, which the list may not show yet
 * (reserved at admission, so two listener threads never both take the last place).
 * Not thread-safe: the {@link AdmissionGate} calls it under its own lock.
 */
public class InFlightExtractions {

    private static final int PAGE_SIZE = 100;

    private final InvoiceExtractionClient client;
    private final List<ExtractionState> statuses;
    private final Clock clock;

    private int listed = -1;
    private int submittedSince;
    private Instant readAt = Instant.MIN;

    public InFlightExtractions(InvoiceExtractionClient client, List<ExtractionState> statuses, Clock clock) {
        this.client = client;
        this.statuses = List.copyOf(statuses);
        this.clock = clock;
    }

    /** Lists the in-flight extractions again; submissions counted so far are in the new reading. */
    public void read() {
        Instant at = clock.instant();
        int count = 0;
        for (ExtractionState status : statuses) {
            ListExtractionsQuery query = ListExtractionsQuery.builder().status(status).limit(PAGE_SIZE).build();
            while (query != null) {
                ExtractionList page = client.listExtractions(query);
                count += page.extractions().size();
                query = page.hasMore() && page.nextCursor() != null ? query.withCursor(page.nextCursor()) : null;
            }
        }
        listed = count;
        submittedSince = 0;
        readAt = at;
    }

    /** This instance admitted an extraction: it counts from now on, until the next reading lists it. */
    public void reserve() {
        submittedSince++;
    }

    /** An admitted extraction was not created after all (the submission failed). */
    public void release() {
        if (submittedSince > 0) {
            submittedSince--;
        }
    }

    /** In flight at the last reading; negative before the first. */
    public int listed() {
        return listed;
    }

    /** Submitted by this instance since the last reading. */
    public int submittedSince() {
        return submittedSince;
    }

    /** The estimate: listed plus submitted since; 0 before the first reading. */
    public int estimate() {
        return Math.max(0, listed) + submittedSince;
    }

    /** How old the last reading is (very long before the first). */
    public Duration readingAge() {
        return listed < 0 ? Duration.ofDays(365) : Duration.between(readAt, clock.instant());
    }
}
