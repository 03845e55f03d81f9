package org.invoicepipeline.sandbox.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;

/**
 * Writes an extraction's rows as the downloadable output files. Thread-safe.
 *
 * <ul>
 *   <li>JSON: an array of row objects, exactly {@link ExtractionOutcome#rows()} (typed or all strings), so
 *       the results endpoint's pages and the file agree.</li>
 *   <li>CSV: RFC 4180 (header row, CRLF, fields quoted when needed), UTF-8 without BOM.</li>
 *   <li>XLSX: one sheet, bold header row, numeric cells for number columns, text otherwise; rows with a
 *       Review Needed item and their affected cells filled per {@link OutputOptions}.</li>
 * </ul>
 */
public final class OutputRenderer {

    private final JsonRowsWriter json = new JsonRowsWriter();
    private final CsvRowsWriter csv = new CsvRowsWriter();
    private final XlsxRowsWriter xlsx = new XlsxRowsWriter();

    /** The file's bytes. */
    public byte[] render(ExtractionOutcome outcome, OutputFormat format, OutputOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(outcome, format, options, out);
        return out.toByteArray();
    }

    /** Writes the file to a stream (not closed). */
    public void write(ExtractionOutcome outcome, OutputFormat format, OutputOptions options, OutputStream out) {
        try {
            switch (format) {
                case JSON -> json.write(outcome, out);
                case CSV -> csv.write(outcome, out);
                case XLSX -> xlsx.write(outcome, options, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + format.wireValue() + " output", e);
        }
    }
}
