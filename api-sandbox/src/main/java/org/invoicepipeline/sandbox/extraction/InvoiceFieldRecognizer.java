package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.document.ReadPage;

/**
 * Recognises invoice fields in a document's text layer. Stateless and thread-safe.
 *
 * <p>One pass over the lines finds the line-item tables ({@link LineItemTable}) and the labelled values
 * wherever the layout puts them ({@link LabelScan}: same line, next column, line below, under a header row).
 * Each field family then decides from that evidence: {@link LabelledFields} (invoice number, dates),
 * {@link PartyNames} (vendor from label, legal footer or letterhead; buyer from bill-to / ship-to blocks),
 * {@link CurrencyField}, {@link AmountFields} (the grand total, the subtotal that adds up) and
 * {@link InvoiceEvidence} (is it an invoice at all). A value resting on weak evidence carries a doubt,
 * which the rows turn into a Review Needed item naming the field.
 */
public final class InvoiceFieldRecognizer {

    /** Recognises fields in text whose pages are separated by form feeds ({@code \f}). */
    public RecognizedInvoice recognize(String text) {
        return recognize(List.of(text.split("\f", -1)));
    }

    /** Recognises fields in the given page texts; page {@code i} of the list is page {@code i + 1}. */
    public RecognizedInvoice recognize(List<String> pageTexts) {
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < pageTexts.size(); i++) {
            TextLine.addPage(lines, pageTexts.get(i), i + 1);
        }
        return recognizeLines(lines);
    }

    /** Recognises fields in the successful pages of a read document (their page numbers are kept). */
    public RecognizedInvoice recognize(ReadDocument document) {
        List<TextLine> lines = new ArrayList<>();
        for (ReadPage page : document.successfulPages()) {
            TextLine.addPage(lines, page.text(), page.number());
        }
        return recognizeLines(lines);
    }

    private RecognizedInvoice recognizeLines(List<TextLine> lines) {
        List<LabelledValue> values = new ArrayList<>();
        List<RecognizedLineItem> lineItems = new ArrayList<>();
        LineItemTable table = null;
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            LineItemTable header = LineItemTable.ofHeader(line.text());
            if (header != null) {
                table = header;
                continue;
            }
            if (table != null) {
                RecognizedLineItem item = table.row(line);
                if (item != null) {
                    lineItems.add(item);
                    continue;
                }
            }
            LabelScan.Result scanned = LabelScan.scan(lines, i);
            if (scanned.values().stream().anyMatch(value -> value.label().endsTable())) {
                table = null;
            }
            values.addAll(scanned.values());
            i += scanned.linesConsumed();
        }

        Map<InvoiceField, Integer> pages = new EnumMap<>(InvoiceField.class);
        Map<InvoiceField, String> doubts = new EnumMap<>(InvoiceField.class);
        Recognized<String> number = note(InvoiceField.INVOICE_NUMBER, LabelledFields.invoiceNumber(values, lines), pages, doubts);
        Recognized<LocalDate> issued = note(InvoiceField.ISSUE_DATE, LabelledFields.issueDate(values), pages, doubts);
        Recognized<LocalDate> due = note(InvoiceField.DUE_DATE, LabelledFields.dueDate(values), pages, doubts);
        PartyNames parties = PartyNames.recognize(lines, values);
        note(InvoiceField.VENDOR_NAME, parties.vendor(), pages, doubts);
        note(InvoiceField.BUYER_NAME, parties.buyer(), pages, doubts);
        Recognized<String> currency = note(InvoiceField.CURRENCY, CurrencyField.recognize(values, lines), pages, doubts);
        AmountFields amounts = AmountFields.recognize(values);
        Recognized<BigDecimal> net = note(InvoiceField.NET_AMOUNT, amounts.net(), pages, doubts);
        Recognized<BigDecimal> tax = note(InvoiceField.TAX_AMOUNT, amounts.tax(), pages, doubts);
        amounts.candidates().stream().findFirst().ifPresent(first -> pages.put(InvoiceField.TOTAL_AMOUNT,
                amounts.candidates().stream().filter(c -> !c.amountDue()).reduce((a, b) -> b).orElse(first).page()));
        if (amounts.totalDoubt() != null) {
            doubts.put(InvoiceField.TOTAL_AMOUNT, amounts.totalDoubt());
        }
        String notAnInvoice = InvoiceEvidence.notAnInvoice(lines, number.found(),
                !amounts.candidates().isEmpty(), net.found() || tax.found());
        return new RecognizedInvoice(number.value(), issued.value(), due.value(), parties.vendor().value(),
                parties.buyer().value(), currency.value(), net.value(), tax.value(), amounts.candidates(), lineItems,
                pages, doubts, notAnInvoice);
    }

    private static <T> Recognized<T> note(InvoiceField field, Recognized<T> found, Map<InvoiceField, Integer> pages,
            Map<InvoiceField, String> doubts) {
        if (found.found()) {
            pages.put(field, found.page());
            if (found.doubt() != null) {
                doubts.put(field, found.doubt());
            }
        }
        return found;
    }
}
