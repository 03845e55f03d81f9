package org.invoicepipeline.samples;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a sample invoice is printed: its labels, date format and how amounts show the currency. Three common
 * styles, so that consumers of the text layer meet more than one spelling.
 */
public enum SampleLayout {
    /** "Invoice Number:", "Invoice Date:", "Due Date:", "Supplier:", "Bill To:", "Currency:"; 15 Jan 2026; £1,234.50. */
    CLASSIC("Invoice Number:", "Invoice Date:", "Due Date:", "Supplier:", "Bill To:", "Subtotal", "VAT", "Total",
            "d MMM yyyy"),
    /** "Invoice #", "Date of issue:", "Payment due:", "From:", "Billed to:"; 2026-01-15; GBP 1,234.50. */
    MODERN("Invoice #", "Date of issue:", "Payment due:", "From:", "Billed to:", "Net amount", "Tax", "Grand Total",
            "yyyy-MM-dd"),
    /**
     * "Invoice No.", "Issue date", "Due by", "Customer:", no vendor label (the vendor is the heading, with the
     * title on the same line); January 15, 2026; plain amounts; unit price before quantity.
     */
    COMPACT("Invoice No.", "Issue date", "Due by", null, "Customer:", "Sub-total", "Sales tax", "Amount due",
            "MMMM d, yyyy");

    private final String invoiceNumberLabel;
    private final String issueDateLabel;
    private final String dueDateLabel;
    private final String vendorLabel;
    private final String buyerLabel;
    private final String netLabel;
    private final String taxLabel;
    private final String totalLabel;
    private final DateTimeFormatter dateFormat;

    SampleLayout(String invoiceNumberLabel, String issueDateLabel, String dueDateLabel, String vendorLabel,
            String buyerLabel, String netLabel, String taxLabel, String totalLabel, String datePattern) {
        this.invoiceNumberLabel = invoiceNumberLabel;
        this.issueDateLabel = issueDateLabel;
        this.dueDateLabel = dueDateLabel;
        this.vendorLabel = vendorLabel;
        this.buyerLabel = buyerLabel;
        this.netLabel = netLabel;
        this.taxLabel = taxLabel;
        this.totalLabel = totalLabel;
        this.dateFormat = DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH);
    }

    public String invoiceNumberLabel() {
        return invoiceNumberLabel;
    }

    public String issueDateLabel() {
        return issueDateLabel;
    }

    public String dueDateLabel() {
        return dueDateLabel;
    }

    /** The vendor label, or {@code null} when the vendor shows only as the heading. */
    public String vendorLabel() {
        return vendorLabel;
    }

    public String buyerLabel() {
        return buyerLabel;
    }

    public String netLabel() {
        return netLabel;
    }

    public String taxLabel() {
        return taxLabel;
    }

    /** The label of the total when no separate amount due is printed. */
    public String totalLabel() {
        return totalLabel;
    }

    /** A date as this layout prints it. */
    public String format(LocalDate date) {
        return dateFormat.format(date);
    }
}
