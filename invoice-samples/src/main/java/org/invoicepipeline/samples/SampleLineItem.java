package org.invoicepipeline.samples;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line item of a sample invoice. {@code amount} is {@code quantity × unitPrice} rounded half-up to 2
 * decimals, exactly as printed.
 */
public record SampleLineItem(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {

    public SampleLineItem {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
    }
}
