package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** The status value of an extraction; {@link #UNRECOGNISED} is a value this client does not know, treated as non-terminal. */
public enum ExtractionState {
    @JsonProperty("processing") PROCESSING(false),
    @JsonProperty("input_required") INPUT_REQUIRED(false),
    @JsonProperty("completed") COMPLETED(true),
    @JsonProperty("failed") FAILED(true),
    @JsonProperty("cancelled") CANCELLED(true),
    @JsonEnumDefaultValue UNRECOGNISED(false);

    private final boolean terminal;

    ExtractionState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** The value used in the API ({@code status} query parameter, responses). */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
