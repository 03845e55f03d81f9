package org.invoicepipeline.common.serde;

/**
 * Why a record value could not be read as an event. The code is machine-readable; the stage error handling
 * ({@code org.invoicepipeline.common.kafka}) writes it into the {@code x-error-code} header of the dead letter.
 */
public enum EventDecodingError {

    /** The bytes do not start with the expected wire-format header (single-object marker or registry magic byte). */
    NOT_AN_EVENT(false),

    /** The writer schema named by the header is not known (not a released schema, or not in the registry). */
    UNKNOWN_SCHEMA(false),

    /** The header was fine but the body does not decode with the writer schema. */
    UNDECODABLE_EVENT(false),

    /** A valid event, but not of the type this consumer reads. */
    UNEXPECTED_EVENT_TYPE(false),

    /** The schema registry could not be reached; the record itself may be fine, so retry rather than dead-letter. */
    SCHEMA_REGISTRY_UNAVAILABLE(true);

    private final boolean retryable;

    EventDecodingError(boolean retryable) {
        this.retryable = retryable;
    }

    /** True when reading the same bytes again later may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
