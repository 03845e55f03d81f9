package org.invoicepipeline.sandbox.account;

/** An account's credits at one moment; usable = balance - reserved. */
public record CreditsSnapshot(long balance, long reserved) {

    public long usable() {
        return balance - reserved;
    }
}
