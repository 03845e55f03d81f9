package org.invoicepipeline.sandbox.output;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ReviewNeededItem;
import org.invoicepipeline.sandbox.extraction.ValueType;

/**
 * The XLSX output file: sheet "Extraction", bold header, numeric cells for number columns (2 decimals shown
 * for amounts), text cells otherwise, review fills per {@link OutputOptions}.
 */
final class XlsxRowsWriter {

    static final String SHEET_NAME = "Extraction";
    private static final int MAX_COLUMN_CHARS = 60;

    void write(ExtractionOutcome outcome, OutputOptions options, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet(SHEET_NAME);
            Styles styles = new Styles(workbook);
            List<String> columns = outcome.columns();
            int[] widths = new int[columns.size()];

            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c));
                cell.setCellStyle(styles.header());
                widths[c] = columns.get(c).length();
            }
            Fills fills = Fills.of(outcome.reviewNeeded(), options);
            for (int r = 0; r < outcome.rows().size(); r++) {
                Map<String, Object> values = outcome.rows().get(r);
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < columns.size(); c++) {
                    String column = columns.get(c);
                    Object value = values.get(column);
                    Cell cell = row.createCell(c);
                    BigDecimal number = outcome.typeOf(column) == ValueType.NUMBER ? asNumber(value) : null;
                    String text = value == null ? "" : value.toString();
                    if (number != null) {
                        cell.setCellValue(number.doubleValue());
                    } else if (!text.isEmpty()) {
                        cell.setCellValue(text);
                    }
                    FillColor fill = fills.colorOf(r + 1, column);
                    cell.setCellStyle(styles.of(fill, number == null ? Format.TEXT
                            : number.scale() == 2 ? Format.AMOUNT : Format.GENERAL));
                    widths[c] = Math.max(widths[c], Math.min(MAX_COLUMN_CHARS, text.length()));
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, (widths[c] + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }

    private static BigDecimal asNumber(Object value) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof String text && !text.isEmpty()) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private enum Format { TEXT, AMOUNT, GENERAL }

    /** Which rows and cells are filled: affected cells with the affected colour, the rest of the row with the row colour. */
    private record Fills(Map<Integer, Set<String>> affectedByRow, Set<Integer> reviewRows, OutputOptions options) {

        static Fills of(List<ReviewNeededItem> items, OutputOptions options) {
            Map<Integer, Set<String>> affected = new HashMap<>();
            Set<Integer> rows = new HashSet<>();
            for (ReviewNeededItem item : items) {
                for (int row : item.outputRowNumbers()) {
                    rows.add(row);
                    affected.computeIfAbsent(row, key -> new HashSet<>()).addAll(item.affectedFields());
                }
            }
            return new Fills(affected, rows, options);
        }

        FillColor colorOf(int rowNumber, String column) {
            if (affectedByRow.getOrDefault(rowNumber, Set.of()).contains(column)
                    && options.affectedFieldFillColor() != FillColor.NONE) {
                return options.affectedFieldFillColor();
            }
            return reviewRows.contains(rowNumber) ? options.reviewNeededFillColor() : FillColor.NONE;
        }
    }

    /** Cell styles, one per fill and format (a workbook has a limited number of styles). */
    private static final class Styles {
        private final XSSFWorkbook workbook;
        private final XSSFCellStyle header;
        private final Map<FillColor, Map<Format, XSSFCellStyle>> styles = new EnumMap<>(FillColor.class);

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
        }

        XSSFCellStyle header() {
            return header;
        }

        XSSFCellStyle of(FillColor fill, Format format) {
            return styles.computeIfAbsent(fill, key -> new EnumMap<>(Format.class))
                    .computeIfAbsent(format, key -> create(fill, format));
        }

        private XSSFCellStyle create(FillColor fill, Format format) {
            XSSFCellStyle style = workbook.createCellStyle();
            if (fill != FillColor.NONE) {
                style.setFillForegroundColor(new XSSFColor(fill.rgb(), null));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            if (format == Format.AMOUNT) {
                style.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            }
            return style;
        }
    }
}
