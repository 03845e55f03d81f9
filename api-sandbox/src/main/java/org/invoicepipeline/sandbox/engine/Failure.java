package org.invoicepipeline.sandbox.engine;

import java.util.Map;

/** Why an extraction failed: the failed status's {@code error}. */
public record Failure(ExtractionFailureCode code, String message, Map<String, Object> details) {
}
