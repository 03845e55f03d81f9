package org.invoicepipeline.sandbox.extraction;

/**
 * An output column the prompt asks for, and the invoice field that fills it ({@code null} when the name is
 * not a field the sandbox can read: the column stays empty and is flagged for review).
 */
public record RequestedColumn(String name, InvoiceField field) {
}
