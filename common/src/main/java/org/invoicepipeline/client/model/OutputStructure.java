package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One row per invoice, one per line item, or chosen by the API ({@code automatic}). */
public enum OutputStructure {
    @JsonProperty("automatic") AUTOMATIC,
    @JsonProperty("per_invoice") PER_INVOICE,
    @JsonProperty("per_line_item") PER_LINE_ITEM,
    /** A value this client does not know yet; never sent. */
    @JsonEnumDefaultValue UNRECOGNISED
}
