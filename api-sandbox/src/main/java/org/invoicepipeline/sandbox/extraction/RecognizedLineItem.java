package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;

/** A line item read from an invoice; {@code page} is the 1-based page it is printed on. */
public record RecognizedLineItem(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, int page) {

    /** The value of a line-item field ({@code null} when not a line-item field or not found). */
    public Object value(InvoiceField field) {
        return switch (field) {
            case LINE_DESCRIPTION -> description;
            case LINE_QUANTITY -> quantity;
            case LINE_UNIT_PRICE -> unitPrice;
            case LINE_AMOUNT -> amount;
            default -> null;
        };
    }
}
