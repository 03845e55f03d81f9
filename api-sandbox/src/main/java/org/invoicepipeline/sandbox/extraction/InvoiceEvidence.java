package org.invoicepipeline.sandbox.extraction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a document looks like an invoice at all. Meeting minutes, letters or price lists also print dates,
 * names and amounts; an invoice shows at least two of: an invoice title or word ("Invoice", "Factuur",
 * "Rechnung", "Receipt", "Credit note"), a labelled invoice number, a labelled total or amount due, a labelled
 * net or tax amount. Pure.
 */
final class InvoiceEvidence {

    private static final Pattern INVOICE_WORD = Pattern.compile(
            "(?iu)\\b(?:invoice|factuur|rechnung|receipt|quittung|credit\\s+note|gutschrift|creditnota|bill)\\b");

    private InvoiceEvidence() {
    }

    /** Why the document does not look like an invoice, or {@code null} when it does. */
    static String notAnInvoice(List<TextLine> lines, boolean hasNumber, boolean hasTotal,
            boolean hasNetOrTax) {
        if (lines.isEmpty()) {
            return null;
        }
        boolean titled = lines.stream().anyMatch(line -> INVOICE_WORD.matcher(line.text()).find());
        int score = (titled ? 1 : 0) + (hasNumber ? 1 : 0) + (hasTotal ? 1 : 0) + (hasNetOrTax ? 1 : 0);
        if (score >= 2) {
            return null;
        }
        return "This document does not look like an invoice (" + (titled ? "it mentions an invoice but " : "")
                + "no invoice number, invoice total or tax amount is printed on it); check that it belongs in this "
                + "extraction. Any values in this row are guesses.";
    }
}
