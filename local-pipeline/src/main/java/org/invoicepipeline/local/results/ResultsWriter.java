package org.invoicepipeline.local.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.invoicepipeline.common.events.EventJson;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.JsonNumber;
import org.invoicepipeline.events.ResultRow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a run's per-file results into its folder:
 * <ul>
 *   <li>{@code results.jsonl}: one line per file that has a result, its latest {@code ExtractionResult} as JSON
 *       ({@link EventJson}): the ERP contract, exactly what {@code extraction-results} carried;</li>
 *   <li>{@code results.csv}: flat, one line per extracted row ({@code file, status, code, message} then the
 *       profile's columns), and one line with empty columns for a file without rows (failed, rejected, pending).</li>
 * </ul>
 */
public final class ResultsWriter {

    public static final String JSONL = "results.jsonl";
    public static final String CSV = "results.csv";

    /** The fixed leading columns of results.csv. */
    public static final List<String> FIXED_COLUMNS = List.of("file", "status", "code", "message");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsWriter() {
    }

    public static void write(Path folder, List<FileOutcome> outcomes) throws IOException {
        Files.createDirectories(folder);
        writeJsonLines(folder.resolve(JSONL), outcomes);
        writeCsv(folder.resolve(CSV), outcomes);
    }

    private static void writeJsonLines(Path file, List<FileOutcome> outcomes) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (FileOutcome outcome : outcomes) {
                if (outcome.result() != null) {
                    out.write(JSON.writeValueAsString(EventJson.of(outcome.result())));
                    out.write('\n');
                }
            }
        }
    }

    private static void writeCsv(Path file, List<FileOutcome> outcomes) throws IOException {
        List<String> columns = profileColumns(outcomes);
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        header.addAll(columns);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format)) {
            for (FileOutcome outcome : outcomes) {
                List<ResultRow> rows = outcome.result() == null ? List.of() : outcome.result().getRows();
                if (rows.isEmpty()) {
                    List<Object> record = new ArrayList<>(fixed(outcome));
                    columns.forEach(column -> record.add(""));
                    csv.printRecord(record);
                }
                for (ResultRow row : rows) {
                    List<Object> record = new ArrayList<>(fixed(outcome));
                    for (String column : columns) {
                        record.add(cell(row.getValues().get(column)));
                    }
                    csv.printRecord(record);
                }
            }
        }
    }

    /** Every result's columns in the order they first appear (one profile: one list). */
    static List<String> profileColumns(List<FileOutcome> outcomes) {
        Set<String> columns = new LinkedHashSet<>();
        for (FileOutcome outcome : outcomes) {
            ExtractionResult result = outcome.result();
            if (result != null) {
                result.getColumns().forEach(c -> columns.add(c.toString()));
            }
        }
        return List.copyOf(columns);
    }

    private static List<Object> fixed(FileOutcome outcome) {
        return List.of(outcome.file(), outcome.status(), outcome.code(), outcome.message());
    }

    /** A cell as text: numbers with exactly the API's digits, booleans true/false, null empty. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonNumber number) {
            return number.getValue();
        }
        return value.toString();
    }
}
