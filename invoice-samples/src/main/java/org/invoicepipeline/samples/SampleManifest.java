package org.invoicepipeline.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The {@code expected-values.json} manifest: file name → the invoice's known values, in snake_case, dates
 * as {@code YYYY-MM-DD}, amounts as JSON numbers with 2 decimals, {@code due_date} {@code null} when not
 * printed, plus {@code kind} ({@code pdf}, {@code png}, {@code encrypted_pdf}, {@code corrupt_pdf}).
 */
public final class SampleManifest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Map<String, Map<String, Object>> entries = new LinkedHashMap<>();

    /** Adds a file; {@code kind} says how it was written. */
    public SampleManifest add(String fileName, String kind, SampleInvoice invoice) {
        Map<String, Object> values = values(invoice);
        values.put("kind", kind);
        entries.put(fileName, values);
        return this;
    }

    public void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), entries);
    }

    /** The known values of an invoice as the manifest holds them. */
    public static Map<String, Object> values(SampleInvoice invoice) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("invoice_number", invoice.invoiceNumber());
        values.put("issue_date", invoice.issueDate().toString());
        values.put("due_date", invoice.dueDate() == null ? null : invoice.dueDate().toString());
        values.put("vendor_name", invoice.vendorName());
        values.put("buyer_name", invoice.buyerName());
        values.put("currency", invoice.currency());
        values.put("net_amount", invoice.netAmount());
        values.put("tax_rate_percent", invoice.taxRatePercent());
        values.put("tax_amount", invoice.taxAmount());
        values.put("total_amount", invoice.totalAmount());
        values.put("amount_due", invoice.amountDue());
        List<Map<String, Object>> items = new ArrayList<>();
        for (SampleLineItem item : invoice.lineItems()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("description", item.description());
            line.put("quantity", item.quantity());
            line.put("unit_price", item.unitPrice());
            line.put("amount", item.amount());
            items.add(line);
        }
        values.put("line_items", items);
        values.put("layout", invoice.layout().name().toLowerCase(Locale.ROOT));
        return values;
    }

}
