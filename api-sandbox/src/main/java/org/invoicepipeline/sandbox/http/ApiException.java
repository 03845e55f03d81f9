package org.invoicepipeline.sandbox.http;

import java.util.List;
import java.util.Map;

/** An API error answered with the contract's error envelope. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object details;

    public ApiException(ErrorCode code) {
        this(code, code.defaultMessage(), null);
    }

    public ApiException(ErrorCode code, Object details) {
        this(code, code.defaultMessage(), details);
    }

    public ApiException(ErrorCode code, String message, Object details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    public static ApiException invalidInput(List<Map<String, Object>> issues) {
        return new ApiException(ErrorCode.INVALID_INPUT, Map.of("issues", issues));
    }

    public ErrorCode code() {
        return code;
    }

    /** {@code null} or a JSON-serialisable object. */
    public Object details() {
        return details;
    }
}
