package org.invoicepipeline.samples;

/** The layouts of the recognition corpus beyond the three {@link SampleLayout}s (see {@link SampleCorpus}). */
public enum CorpusVariant {
    /** The invoice as {@link SampleInvoicePdf} prints it (classic, modern or compact layout). */
    STANDARD,
    /** Every label on its own line with the value below; dates "August 3, 2026"; the total as "Balance due". */
    LABELS_ABOVE,
    /**
     * Invoice number, date and due date as column headers above their values; "Bill To" and "Ship To" blocks
     * side by side; "Total excl. VAT" / "Total (incl. VAT)"; every other one prints "On receipt" as due date.
     */
    COLUMNS,
    /** Dutch: Factuurnummer, 03-08-2026, "Factuuradres | Afleveradres" blocks, Subtotaal / BTW / Te betalen, 1.234,56, KvK footer. */
    DUTCH,
    /**
     * German: sender line and an unlabelled recipient block (window envelope), Rechnungsnummer, "3. August 2026",
     * "Fällig am 02.09.2026", Nettobetrag / MwSt. / Gesamtbetrag, 1.234,56 €, Amtsgericht/USt-IdNr footer.
     */
    GERMAN,
    /**
     * "PAYMENT RECEIPT" heading beside the letterhead, the customer's unlabelled address block first, "Ship To:"
     * and "Address:" printed without values, numeric dates dd/MM/yyyy; every other one names the issuer in a
     * legal footer, the others only in the letterhead.
     */
    LETTERHEAD,
    /** Line items in two sections, each with its own subtotal; half of them print a net total, half do not. */
    SECTIONS,
    /**
     * Few known labels: the issuer as a bare first line, "Our ref." for the number, "For the attention of" for
     * the buyer, no due date, a shipping charge between tax and total. Shows what the sandbox misses or doubts.
     */
    SPARSE_LABELS,
    /** Meeting minutes: dates, names and an amount, but not an invoice. */
    NOT_AN_INVOICE,
    /** An image-only PDF: the invoice scanned, no text layer. */
    SCANNED
}
