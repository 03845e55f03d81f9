package org.invoicepipeline.sandbox.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;

/** The CSV output file (RFC 4180): header row, CRLF line ends, UTF-8; empty cells are empty fields. */
final class CsvRowsWriter {

    void write(ExtractionOutcome outcome, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writeRecord(writer, outcome.columns().stream().map(column -> (Object) column).toList());
        for (Map<String, Object> row : outcome.rows()) {
            writeRecord(writer, outcome.columns().stream().map(row::get).toList());
        }
        writer.flush();
    }

    private static void writeRecord(Writer writer, List<Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(values.get(i)));
        }
        writer.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
