package org.invoicepipeline.common.kafka;

import java.util.Objects;

/**
 * Thrown by a stage when a record can never be processed as it is (failed validation, an unknown profile...):
 * the error handler dead-letters it at once with {@link #code()} in {@link PipelineHeaders#ERROR_CODE}.
 */
public class RecordRejectedException extends RuntimeException {

    private final String code;

    public RecordRejectedException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public RecordRejectedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A pipeline code such as {@code SOURCE_NOT_ALLOWED}, or an API error code. */
    public String code() {
        return code;
    }
}
