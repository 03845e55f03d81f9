package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** The output file formats. */
public enum OutputFormat {
    @JsonProperty("xlsx") XLSX,
    @JsonProperty("csv") CSV,
    @JsonProperty("json") JSON,
    @JsonEnumDefaultValue UNRECOGNISED;

    /** The value used in the API's {@code format} query parameter. */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
