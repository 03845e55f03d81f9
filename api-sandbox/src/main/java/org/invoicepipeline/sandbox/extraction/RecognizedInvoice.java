package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invoice fields {@link InvoiceFieldRecognizer} found in one document. Any value may be {@code null}
 * when the document does not show it.
 *
 * @param totalCandidates every printed amount that could be the total, in document order
 * @param fieldPages      the 1-based page each found invoice-level field is printed on
 * @param doubts          for each field whose value rests on weak evidence (a fallback, two candidates
 *                        disagreeing, a label without a value), why; fields read from a clear label are absent
 * @param notAnInvoice    why the document does not look like an invoice, or {@code null} when it does
 */
public record RecognizedInvoice(
        String invoiceNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        String vendorName,
        String buyerName,
        String currency,
        BigDecimal netAmount,
        BigDecimal taxAmount,
        List<AmountCandidate> totalCandidates,
        List<RecognizedLineItem> lineItems,
        Map<InvoiceField, Integer> fieldPages,
        Map<InvoiceField, String> doubts,
        String notAnInvoice) {

    public RecognizedInvoice {
        totalCandidates = List.copyOf(totalCandidates);
        lineItems = List.copyOf(lineItems);
        fieldPages = fieldPages.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fieldPages));
        doubts = doubts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(doubts));
    }

    /** Values read without doubts (e.g. built by hand in tests). */
    public RecognizedInvoice(String invoiceNumber, LocalDate issueDate, LocalDate dueDate, String vendorName,
            String buyerName, String currency, BigDecimal netAmount, BigDecimal taxAmount,
            List<AmountCandidate> totalCandidates, List<RecognizedLineItem> lineItems,
            Map<InvoiceField, Integer> fieldPages) {
        this(invoiceNumber, issueDate, dueDate, vendorName, buyerName, currency, netAmount, taxAmount,
                totalCandidates, lineItems, fieldPages, Map.of(), null);
    }

    /** The invoice total: the last amount labelled as a total (the grand total), else the last labelled as due. */
    public BigDecimal totalAmount() {
        return invoiceTotal().or(this::amountDue).orElse(null);
    }

    /** The last amount labelled as a total ("Total", "Grand total", "Gesamtbetrag", ...), if printed. */
    public Optional<BigDecimal> invoiceTotal() {
        return invoiceTotalCandidate().map(AmountCandidate::amount);
    }

    /** The last amount labelled as payable ("Amount due", "Balance due", "Te betalen", ...), if printed. */
    public Optional<BigDecimal> amountDue() {
        return amountDueCandidate().map(AmountCandidate::amount);
    }

    /** The invoice shows a total and a different amount due, so "the total" is open to interpretation. */
    public boolean ambiguousTotal() {
        return invoiceTotal().isPresent() && amountDue().isPresent()
                && invoiceTotal().get().compareTo(amountDue().get()) != 0;
    }

    /** The candidate printed as the invoice total (for messages); empty unless present. */
    public Optional<AmountCandidate> invoiceTotalCandidate() {
        return totalCandidates.stream().filter(c -> !c.amountDue()).reduce((first, second) -> second);
    }

    /** The candidate printed as the amount due (for messages); empty unless present. */
    public Optional<AmountCandidate> amountDueCandidate() {
        return totalCandidates.stream().filter(AmountCandidate::amountDue).reduce((first, second) -> second);
    }

    /** Why a field's value is in doubt, if it is. */
    public Optional<String> doubt(InvoiceField field) {
        return Optional.ofNullable(doubts.get(field));
    }

    /** Whether the document looks like an invoice. */
    public boolean looksLikeInvoice() {
        return notAnInvoice == null;
    }

    /**
     * The value of an invoice-level field: {@link String}, {@link LocalDate} or {@link BigDecimal};
     * {@code null} when not found or for a line-item field.
     */
    public Object value(InvoiceField field) {
        return switch (field) {
            case INVOICE_NUMBER -> invoiceNumber;
            case ISSUE_DATE -> issueDate;
            case DUE_DATE -> dueDate;
            case VENDOR_NAME -> vendorName;
            case BUYER_NAME -> buyerName;
            case CURRENCY -> currency;
            case NET_AMOUNT -> netAmount;
            case TAX_AMOUNT -> taxAmount;
            case TOTAL_AMOUNT -> totalAmount();
            default -> null;
        };
    }

    /** The page a field was found on, or 1 when unknown. */
    public int pageOf(InvoiceField field) {
        return fieldPages.getOrDefault(field, 1);
    }
}
