package org.invoicepipeline.poll.failure;

import org.invoicepipeline.client.InvoiceExtractionClient;

/**
 * Whether the account can pay for a resubmission held after {@code INSUFFICIENT_CREDITS}: the usable credits
 * (balance minus reserved) cover one credit per file, the lowest possible cost, as the submit stage's admission
 * checks before a first submission.
 */
public final class CreditsCheck {

    private final InvoiceExtractionClient client;

    public CreditsCheck(InvoiceExtractionClient client) {
        this.client = client;
    }

    /** Reads the balance (rate-limited by the shared client) and compares. */
    public boolean covers(int files) {
        return client.getCreditsBalance().available() >= files;
    }
}
