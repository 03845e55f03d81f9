package org.invoicepipeline.sandbox.engine;

import java.util.Locale;

/** The contract's extraction statuses. */
public enum ExtractionStatus {
    PROCESSING,
    INPUT_REQUIRED,
    COMPLETED,
    FAILED,
    CANCELLED;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Still holding a slot of the account's concurrency limit (and its credit reservation). */
    public boolean running() {
        return this == PROCESSING || this == INPUT_REQUIRED;
    }

    public static ExtractionStatus fromWire(String value) {
        for (ExtractionStatus status : values()) {
            if (status.wireValue().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown status: " + value);
    }
}
