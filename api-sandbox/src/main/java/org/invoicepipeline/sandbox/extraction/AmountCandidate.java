package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;

/**
 * A printed amount that could be the invoice's total: the label as printed, the amount and its page.
 * {@code amountDue} tells a payable balance ("Amount due", "Balance due") from the invoice total
 * ("Total", "Grand total", "Invoice total").
 */
public record AmountCandidate(String label, BigDecimal amount, int page, boolean amountDue) {
}
