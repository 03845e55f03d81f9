package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an extraction was cancelled. */
public enum CancellationReason {
    /** From the dashboard or {@code cancelExtraction}. */
    @JsonProperty("user") USER,
    /** A question was not answered by {@code answer_by}. */
    @JsonProperty("unanswered") UNANSWERED,
    /** Three answers were refused. */
    @JsonProperty("answers_rejected") ANSWERS_REJECTED,
    @JsonEnumDefaultValue UNRECOGNISED
}
