package org.invoicepipeline.sandbox.extraction;

import java.util.Locale;

/** The contract's {@code output_structure}: one row per invoice or per line item, or chosen automatically. */
public enum OutputStructure {
    AUTOMATIC,
    PER_INVOICE,
    PER_LINE_ITEM;

    /** The value as the API spells it, e.g. {@code per_line_item}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API spelling; throws {@link IllegalArgumentException} for anything else. */
    public static OutputStructure fromWire(String value) {
        for (OutputStructure structure : values()) {
            if (structure.wireValue().equals(value)) {
                return structure;
            }
        }
        throw new IllegalArgumentException("Unknown output_structure: " + value);
    }
}
