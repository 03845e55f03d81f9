package org.invoicepipeline.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A sample invoice with its known values, exactly as {@link SampleInvoicePdf} prints them.
 *
 * <p>Amounts have 2 decimals and add up: {@code netAmount} is the sum of the line amounts, {@code taxAmount}
 * is {@code netAmount × taxRatePercent / 100} rounded half-up, {@code totalAmount = netAmount + taxAmount}.
 * {@code dueDate} is after {@code issueDate}, or {@code null} when the invoice does not show one.
 * {@code deposit} is {@code null} except on an invoice that also prints a different amount due
 * ({@link #amountDue()} {@code = totalAmount − deposit}), which leaves "the total" open to interpretation.
 *
 * @param fileName the file name to store it under, e.g. {@code invoice-7.pdf}
 */
public record SampleInvoice(
        String fileName,
        String invoiceNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        String vendorName,
        String buyerName,
        String currency,
        List<SampleLineItem> lineItems,
        BigDecimal netAmount,
        BigDecimal taxRatePercent,
        BigDecimal taxAmount,
        BigDecimal totalAmount,
        BigDecimal deposit,
        SampleLayout layout) {

    public SampleInvoice {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(vendorName, "vendorName");
        Objects.requireNonNull(buyerName, "buyerName");
        Objects.requireNonNull(currency, "currency");
        lineItems = List.copyOf(lineItems);
        Objects.requireNonNull(netAmount, "netAmount");
        Objects.requireNonNull(taxRatePercent, "taxRatePercent");
        Objects.requireNonNull(taxAmount, "taxAmount");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(layout, "layout");
        if (lineItems.isEmpty()) {
            throw new IllegalArgumentException("An invoice has at least one line item");
        }
        BigDecimal sum = lineItems.stream().map(SampleLineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(netAmount) != 0 || netAmount.add(taxAmount).compareTo(totalAmount) != 0) {
            throw new IllegalArgumentException("Amounts do not add up on " + invoiceNumber);
        }
    }

    /** The amount printed as due: the total less the deposit, or the total when there is no deposit. */
    public BigDecimal amountDue() {
        return deposit == null ? totalAmount : totalAmount.subtract(deposit);
    }

    /** Whether the invoice prints a total and a different amount due. */
    public boolean hasTwoTotals() {
        return deposit != null && deposit.signum() != 0;
    }

    /** The same invoice under another file name. */
    public SampleInvoice withFileName(String newFileName) {
        return new SampleInvoice(newFileName, invoiceNumber, issueDate, dueDate, vendorName, buyerName, currency,
                lineItems, netAmount, taxRatePercent, taxAmount, totalAmount, deposit, layout);
    }

    /** The same invoice without a due date (the PDF then prints no due date line). */
    public SampleInvoice withoutDueDate() {
        return new SampleInvoice(fileName, invoiceNumber, issueDate, null, vendorName, buyerName, currency,
                lineItems, netAmount, taxRatePercent, taxAmount, totalAmount, deposit, layout);
    }

    /** The same invoice with a deposit already paid, so it prints a total and a smaller amount due. */
    public SampleInvoice withDeposit(BigDecimal depositPaid) {
        return new SampleInvoice(fileName, invoiceNumber, issueDate, dueDate, vendorName, buyerName, currency,
                lineItems, netAmount, taxRatePercent, taxAmount, totalAmount, depositPaid, layout);
    }
}
