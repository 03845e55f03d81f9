package org.invoicepipeline.sandbox.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.sandbox.document.DocumentReader;
import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ExtractionPrompt;
import org.invoicepipeline.sandbox.extraction.ExtractionSpec;
import org.invoicepipeline.sandbox.extraction.OutputStructure;
import org.invoicepipeline.sandbox.extraction.RowExtractor;
import org.junit.jupiter.api.Test;

class OutputRendererTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final SampleInvoiceGenerator samples = new SampleInvoiceGenerator(41);
    private final OutputRenderer renderer = new OutputRenderer();

    /** Row 1 clean, row 2 without due date, row 3 with two totals (review message with quotes and commas). */
    private ExtractionOutcome outcome(boolean typed) {
        List<SampleInvoice> invoices = List.of(samples.generate(1), samples.missingDueDate(1), samples.ambiguousTotal(1));
        DocumentReader reader = new DocumentReader();
        List<ReadDocument> documents = invoices.stream()
                .map(invoice -> reader.read(invoice.fileName(), samples.toPdf(invoice))).toList();
        ExtractionSpec spec = ExtractionSpec.builder(ExtractionPrompt.sentence(
                "invoice number, invoice date, due date, vendor name, quantity and total amount"))
                .outputStructure(OutputStructure.PER_INVOICE).jsonTypedValues(typed).build();
        return new RowExtractor().extract(spec, documents);
    }

    @Test
    void theJsonFileIsExactlyTheRows() throws IOException {
        for (boolean typed : new boolean[] {true, false}) {
            ExtractionOutcome outcome = outcome(typed);
            JsonNode file = MAPPER.readTree(renderer.render(outcome, OutputFormat.JSON, OutputOptions.DEFAULTS));

            assertThat(file).isEqualTo(MAPPER.valueToTree(outcome.rows()));
            assertThat(file).hasSize(3);
            JsonNode total = file.get(0).get("Total Amount");
            assertThat(total.isNumber()).isEqualTo(typed);
            assertThat(file.get(1).get("Due Date").isNull()).isEqualTo(typed);
        }
    }

    @Test
    void theCsvFileParsesBackToTheRows() {
        ExtractionOutcome outcome = outcome(true);
        String csv = new String(renderer.render(outcome, OutputFormat.CSV, OutputOptions.DEFAULTS), StandardCharsets.UTF_8);

        assertThat(csv).endsWith("\r\n");
        List<List<String>> records = CsvRecords.parse(csv);
        assertThat(records.get(0)).containsExactlyElementsOf(outcome.columns());
        assertThat(records).hasSize(outcome.rows().size() + 1);
        for (int r = 0; r < outcome.rows().size(); r++) {
            Map<String, Object> row = outcome.rows().get(r);
            List<String> expected = outcome.columns().stream().map(column -> {
                Object value = row.get(column);
                return value == null ? "" : value instanceof BigDecimal n ? n.toPlainString() : value.toString();
            }).toList();
            assertThat(records.get(r + 1)).containsExactlyElementsOf(expected);
        }
        assertThat(records.get(3).get(outcome.columns().indexOf("Review Needed"))).contains("\"");
    }

    @Test
    void csvFieldsWithCommasQuotesAndLineBreaksAreQuoted() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("Vendor Name", "Smith, Jones & \"Partners\"");
        row.put("Notes", "line one\nline two");
        row.put("Total Amount", new BigDecimal("1250.00"));
        row.put("Due Date", null);
        ExtractionOutcome outcome = new ExtractionOutcome(OutputStructure.PER_INVOICE,
                List.of("Vendor Name", "Notes", "Total Amount", "Due Date"), Map.of(), true, List.of(row), List.of(),
                List.of(), List.of(), org.invoicepipeline.sandbox.extraction.PageResults.of(List.of()));

        String csv = new String(renderer.render(outcome, OutputFormat.CSV, OutputOptions.DEFAULTS), StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("Vendor Name,Notes,Total Amount,Due Date\r\n"
                + "\"Smith, Jones & \"\"Partners\"\"\",\"line one\nline two\",1250.00,\r\n");
        assertThat(CsvRecords.parse(csv).get(1)).containsExactly("Smith, Jones & \"Partners\"", "line one\nline two", "1250.00", "");
    }

    @Test
    void theXlsxFileHasTypedCellsAndReviewFills() throws IOException {
        ExtractionOutcome outcome = outcome(false);
        OutputOptions options = new OutputOptions(FillColor.YELLOW, FillColor.RED);
        byte[] xlsx = renderer.render(outcome, OutputFormat.XLSX, options);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> columns = outcome.columns();
            XSSFRow header = sheet.getRow(0);
            for (int c = 0; c < columns.size(); c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(columns.get(c));
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            int total = columns.indexOf("Total Amount");
            int number = columns.indexOf("Invoice Number");
            int due = columns.indexOf("Due Date");
            for (int r = 1; r <= 3; r++) {
                Map<String, Object> row = outcome.rows().get(r - 1);
                XSSFCell totalCell = sheet.getRow(r).getCell(total);
                assertThat(totalCell.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(BigDecimal.valueOf(totalCell.getNumericCellValue()))
                        .isEqualByComparingTo(new BigDecimal((String) row.get("Total Amount")));
                assertThat(sheet.getRow(r).getCell(number).getCellType()).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(r).getCell(number).getStringCellValue()).isEqualTo(row.get("Invoice Number"));
            }
            int quantity = columns.indexOf("Line Item Quantity");
            assertThat(sheet.getRow(1).getCell(quantity).getCellType()).isEqualTo(CellType.STRING);

            assertThat(fill(sheet.getRow(1).getCell(number))).isNull();
            assertThat(fill(sheet.getRow(1).getCell(total))).isNull();
            assertThat(fill(sheet.getRow(2).getCell(due))).isEqualTo(FillColor.RED.rgbHex());
            assertThat(fill(sheet.getRow(2).getCell(number))).isEqualTo(FillColor.YELLOW.rgbHex());
            assertThat(sheet.getRow(2).getCell(due).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(fill(sheet.getRow(3).getCell(total))).isEqualTo(FillColor.RED.rgbHex());
            assertThat(fill(sheet.getRow(3).getCell(number))).isEqualTo(FillColor.YELLOW.rgbHex());
        }
    }

    @Test
    void noFillColoursLeaveTheSheetUncoloured() throws IOException {
        ExtractionOutcome outcome = outcome(true);
        byte[] xlsx = renderer.render(outcome, OutputFormat.XLSX, new OutputOptions(FillColor.NONE, FillColor.NONE));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                for (int c = 0; c < outcome.columns().size(); c++) {
                    assertThat(fill(sheet.getRow(r).getCell(c))).isNull();
                }
            }
        }
    }

    @Test
    void anAffectedColourOfNoneLeavesTheRowColourOnAffectedCells() throws IOException {
        ExtractionOutcome outcome = outcome(true);
        byte[] xlsx = renderer.render(outcome, OutputFormat.XLSX, new OutputOptions(FillColor.ORANGE, FillColor.NONE));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            int due = outcome.columns().indexOf("Due Date");
            assertThat(fill(sheet.getRow(2).getCell(due))).isEqualTo(FillColor.ORANGE.rgbHex());
        }
    }

    private static String fill(XSSFCell cell) {
        if (cell.getCellStyle().getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
            return null;
        }
        XSSFColor color = cell.getCellStyle().getFillForegroundColorColor();
        return color == null ? null : color.getARGBHex().substring(2);
    }
}
