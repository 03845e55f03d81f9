package org.invoicepipeline.sandbox.extraction;

/**
 * A value printed with a label: on the same line or cell ("Invoice No.: 42"), in the next cell, on the line
 * below, or under a column header. {@code value} is empty for a label printed without a value.
 */
record LabelledValue(InvoiceLabel label, String printedLabel, String value, TextLine line) {

    boolean empty() {
        return value.isEmpty();
    }

    int page() {
        return line.page();
    }
}
