package org.invoicepipeline.samples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One document of the recognition corpus with what a reader should find on it.
 *
 * @param fileName  the file name, e.g. {@code dutch-2.pdf}
 * @param bytes     the PDF bytes
 * @param variant   how it is laid out
 * @param expected  the values printed on it, keyed as in {@code expected-values.json} ({@code invoice_number},
 *                  {@code issue_date}, {@code due_date}, {@code vendor_name}, {@code buyer_name}, {@code currency},
 *                  {@code net_amount}, {@code tax_amount}, {@code total_amount}): dates {@code YYYY-MM-DD}, amounts
 *                  plain with 2 decimals, {@code null} when the document does not print the field readably
 * @param invoice   whether the document is an invoice (false for the meeting minutes)
 * @param textLayer whether the PDF has a text layer (false for the scan)
 */
public record CorpusDocument(String fileName, byte[] bytes, CorpusVariant variant, Map<String, String> expected,
        boolean invoice, boolean textLayer) {

    /** The keys of {@link #expected()}, in report order. */
    public static final List<String> FIELDS = List.of("invoice_number", "issue_date", "due_date",
            "vendor_name", "buyer_name", "currency", "net_amount", "tax_amount", "total_amount");

    public CorpusDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(variant, "variant");
        expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    /** The expected values of an invoice as printed in full. */
    static Map<String, String> expectedOf(SampleInvoice invoice) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("invoice_number", invoice.invoiceNumber());
        values.put("issue_date", invoice.issueDate().toString());
        values.put("due_date", invoice.dueDate() == null ? null : invoice.dueDate().toString());
        values.put("vendor_name", invoice.vendorName());
        values.put("buyer_name", invoice.buyerName());
        values.put("currency", invoice.currency());
        values.put("net_amount", invoice.netAmount().toPlainString());
        values.put("tax_amount", invoice.taxAmount().toPlainString());
        values.put("total_amount", invoice.totalAmount().toPlainString());
        return values;
    }

    /** Nothing readable (a scan) or nothing an invoice has (minutes). */
    static Map<String, String> nothingExpected() {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, null));
        return values;
    }
}
