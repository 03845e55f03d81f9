package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleLineItem;
import org.invoicepipeline.sandbox.output.CsvRecords;

/**
 * Generated invoices with known values go through the whole API (upload in parts, submit, wait) and
 * come back as rows holding exactly those values: in the results, and in the JSON, CSV and XLSX files.
 */
class EndToEndSampleInvoicesTest {

    private static final String KEY = "e2e-key";
    private static final List<String> FIELDS = List.of("Invoice Number", "Invoice Date", "Due Date", "Vendor Name",
            "Buyer Name", "Currency", "Net Amount", "Tax Amount", "Total Amount");
    private static final List<String> NUMBER_FIELDS = List.of("Net Amount", "Tax Amount", "Total Amount");

    static ApiSandbox sandbox;
    static SandboxClient client;
    static List<SampleInvoice> invoices;
    static List<String> fileIds = new ArrayList<>();

    @BeforeAll
    static void start() {
        // A small part size so that every file is uploaded in several parts.
        sandbox = ApiSandbox.builder().apiKey(KEY).rateLimitScale(0).partSizeBytes(2048)
                .pageProcessingTime(Duration.ofMillis(10)).start();
        client = new SandboxClient(sandbox, KEY);
        invoices = Samples.GENERATOR.generateMany(8);
        Map<String, Map.Entry<String, byte[]>> files = new LinkedHashMap<>();
        for (int i = 0; i < invoices.size(); i++) {
            files.put("file-" + i, Map.entry(invoices.get(i).fileName(), Samples.GENERATOR.toPdf(invoices.get(i))));
            fileIds.add("file-" + i);
        }
        client.uploadFiles("e2e", files);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, String> expectedInvoiceRow(SampleInvoice invoice) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Invoice Number", invoice.invoiceNumber());
        row.put("Invoice Date", invoice.issueDate().toString());
        row.put("Due Date", invoice.dueDate() == null ? "" : invoice.dueDate().toString());
        row.put("Vendor Name", invoice.vendorName());
        row.put("Buyer Name", invoice.buyerName());
        row.put("Currency", invoice.currency());
        row.put("Net Amount", invoice.netAmount().toPlainString());
        row.put("Tax Amount", invoice.taxAmount().toPlainString());
        row.put("Total Amount", invoice.totalAmount().toPlainString());
        row.put("Source File", invoice.fileName() + " (Page 1)");
        return row;
    }

    private static String extract(String submissionId, Object prompt, String structure, boolean typed) {
        Map<String, Object> body = new HashMap<>(Samples.submission(submissionId, "e2e", fileIds));
        body.put("prompt", prompt);
        body.put("output_structure", structure);
        body.put("options", Map.of("json_typed_values", typed, "exclude_columns", List.of("review_needed")));
        String id = client.submit(body);
        JsonNode done = client.awaitNotProcessing(id, Duration.ofSeconds(30));
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("credits_deducted").asInt()).isEqualTo(invoices.size());
        return id;
    }

    @Test
    void perInvoiceRowsCarryTheKnownValuesInEveryFormat() throws Exception {
        List<Map<String, Object>> fields = FIELDS.stream().<Map<String, Object>>map(name -> Map.of("name", name)).toList();
        String id = extract("per-invoice", Map.of("fields", fields), "per_invoice", true);
        List<String> columns = new ArrayList<>(FIELDS);
        columns.add("Source File");

        JsonNode results = client.get("/extractions/" + id + "/results?limit=1000").body();
        assertThat(results.path("columns").toString()).isEqualTo(SandboxClient.JSON.writeValueAsString(columns));
        assertThat(results.path("json_typed_values").asBoolean()).isTrue();
        assertThat(results.path("rows")).hasSize(invoices.size());
        for (int i = 0; i < invoices.size(); i++) {
            JsonNode row = results.path("rows").get(i);
            Map<String, String> expected = expectedInvoiceRow(invoices.get(i));
            assertThat(row.size()).isEqualTo(columns.size());
            for (String column : columns) {
                JsonNode value = row.path(column);
                if (NUMBER_FIELDS.contains(column)) {
                    assertThat(value.isNumber()).as(column).isTrue();
                    assertThat(value.decimalValue()).as(column).isEqualByComparingTo(new BigDecimal(expected.get(column)));
                } else if (expected.get(column).isEmpty()) {
                    assertThat(value.isNull()).as(column).isTrue();
                } else {
                    assertThat(value.asText()).as(column + " of " + invoices.get(i).fileName()).isEqualTo(expected.get(column));
                }
            }
        }

        JsonNode jsonFile = SandboxClient.JSON.readTree(download(id, "json"));
        assertThat(jsonFile).isEqualTo(results.path("rows"));

        List<List<String>> csv = CsvRecords.parse(new String(download(id, "csv"), StandardCharsets.UTF_8));
        assertThat(csv.get(0)).containsExactlyElementsOf(columns);
        assertThat(csv).hasSize(invoices.size() + 1);
        for (int i = 0; i < invoices.size(); i++) {
            assertThat(csv.get(i + 1)).containsExactlyElementsOf(expectedInvoiceRow(invoices.get(i)).values());
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(id, "xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0), columns.size())).containsExactlyElementsOf(columns);
            assertThat(sheet.getLastRowNum()).isEqualTo(invoices.size());
            for (int i = 0; i < invoices.size(); i++) {
                Row row = sheet.getRow(i + 1);
                Map<String, String> expected = expectedInvoiceRow(invoices.get(i));
                for (int c = 0; c < columns.size(); c++) {
                    String column = columns.get(c);
                    Cell cell = row.getCell(c);
                    if (NUMBER_FIELDS.contains(column)) {
                        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
                                .isEqualByComparingTo(new BigDecimal(expected.get(column)));
                    } else {
                        assertThat(cell == null ? "" : cell.getStringCellValue()).as(column).isEqualTo(expected.get(column));
                    }
                }
            }
        }
    }

    @Test
    void perLineItemRowsRepeatTheInvoiceFieldsAsStrings() throws Exception {
        String id = extract("per-line", "Extract invoice number, line item description, line item quantity, "
                + "line item unit price and line item amount", "per_line_item", false);
        List<List<String>> expected = new ArrayList<>();
        for (SampleInvoice invoice : invoices) {
            for (SampleLineItem item : invoice.lineItems()) {
                expected.add(List.of(invoice.invoiceNumber(), item.description(), item.quantity().toPlainString(),
                        item.unitPrice().toPlainString(), item.amount().toPlainString()));
            }
        }
        JsonNode results = client.get("/extractions/" + id + "/results?limit=1000").body();
        assertThat(results.path("output_structure").asText()).isEqualTo("per_line_item");
        List<String> columns = new ArrayList<>();
        results.path("columns").forEach(c -> columns.add(c.asText()));
        assertThat(columns).containsExactly("Invoice Number", "Line Item Description", "Line Item Quantity",
                "Line Item Unit Price", "Line Item Amount", "Source File");
        List<List<String>> actual = new ArrayList<>();
        for (JsonNode row : results.path("rows")) {
            List<String> values = new ArrayList<>();
            for (String column : columns.subList(0, 5)) {
                assertThat(row.path(column).isTextual()).isTrue();
                values.add(row.path(column).asText());
            }
            actual.add(values);
        }
        assertThat(actual).containsExactlyElementsOf(expected);

        List<List<String>> csv = CsvRecords.parse(new String(download(id, "csv"), StandardCharsets.UTF_8));
        assertThat(csv.subList(1, csv.size()).stream().map(r -> r.subList(0, 5)).toList()).containsExactlyElementsOf(expected);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(id, "xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < expected.size(); r++) {
                Row row = sheet.getRow(r + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(expected.get(r).get(0));
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(expected.get(r).get(1));
                assertThat(BigDecimal.valueOf(row.getCell(4).getNumericCellValue()))
                        .isEqualByComparingTo(new BigDecimal(expected.get(r).get(4)));
            }
        }
    }

    private static byte[] download(String id, String format) {
        String url = client.get("/extractions/" + id + "/output?format=" + format).body().path("download_url").asText();
        SandboxClient.Reply file = client.getUrl(url);
        assertThat(file.status()).isEqualTo(200);
        return file.raw();
    }

    private static List<String> cells(Row row, int count) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            values.add(row.getCell(c).getStringCellValue());
        }
        return values;
    }
}
