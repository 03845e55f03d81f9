package org.invoicepipeline.client.model;

/** The account's total credits and those reserved by extractions in progress. */
public record CreditsBalance(long creditsBalance, long creditsReserved) {

    /** The usable balance: total minus reserved. */
    public long available() {
        return creditsBalance - creditsReserved;
    }
}
