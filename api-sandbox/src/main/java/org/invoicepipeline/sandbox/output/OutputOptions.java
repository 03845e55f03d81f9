package org.invoicepipeline.sandbox.output;

import java.util.Objects;

/**
 * How output files mark rows that need review (XLSX only): the fill of a whole row with a Review Needed
 * item, and the fill of the item's affected cells (which wins over the row fill).
 */
public record OutputOptions(FillColor reviewNeededFillColor, FillColor affectedFieldFillColor) {

    /** Orange rows and orange affected cells, as the API's default account preferences. */
    public static final OutputOptions DEFAULTS = new OutputOptions(FillColor.ORANGE, FillColor.ORANGE);

    public OutputOptions {
        Objects.requireNonNull(reviewNeededFillColor, "reviewNeededFillColor");
        Objects.requireNonNull(affectedFieldFillColor, "affectedFieldFillColor");
    }
}
