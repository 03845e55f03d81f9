package org.invoicepipeline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one command as a user runs it (documented rate limits, the shipped samples), only with a short sandbox page
 * time: exit code 0, a complete summary, and output files holding every sample invoice's known values.
 */
class LocalPipelineMainIT {

    @TempDir
    Path output;

    @Test
    void theShippedSamplesRunToCompletionAndExitZero() throws Exception {
        LaunchOptions options = LaunchOptions.defaults().withOutput(output).withSandbox(1.0, Duration.ofMillis(20))
                .withTimeout(Duration.ofMinutes(2));

        int exitCode = LocalPipelineMain.run(options);

        assertThat(exitCode).isZero();
        JsonNode summary = new ObjectMapper().readTree(output.resolve("latest/summary.json").toFile());
        assertThat(summary.path("exit_code").asInt()).isZero();
        assertThat(summary.path("not_extracted")).isEmpty();
        assertThat(summary.path("complete").asBoolean()).isTrue();
        assertThat(summary.path("files_in").asInt()).isEqualTo(12);
        assertThat(summary.path("results_by_status").path("EXTRACTED").asInt()).isEqualTo(12);
        assertThat(summary.path("dead_letters").asInt()).isZero();
        JsonNode manifest = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(output.resolve("sample-invoices/expected-values.json").toFile());
        List<String[]> rows = storedCsvRows();
        manifest.fields().forEachRemaining(entry -> {
            JsonNode expected = entry.getValue();
            String[] cells = rows.stream()
                    .filter(row -> Arrays.stream(row).skip(1).anyMatch(c -> c.startsWith(entry.getKey() + " (Page 1)")))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + entry.getKey()));
            assertThat(cells[0]).isEqualTo(expected.path("invoice_number").asText());
            assertThat(cells[1]).isEqualTo(expected.path("issue_date").asText());
            assertThat(new java.math.BigDecimal(cells[8])).isEqualByComparingTo(expected.path("total_amount").decimalValue());
        });
    }

    /** The rows of every stored output.csv, parsed as CSV (a quoted cell may hold commas). */
    private List<String[]> storedCsvRows() throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output.resolve("latest/extractions"))) {
            List<Path> csvs = files.filter(p -> p.getFileName().toString().equals("output.csv")).toList();
            for (Path csv : csvs) {
                try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv.toFile())) {
                    rows.addAll(it.readAll());
                }
            }
        }
        return rows;
    }
}
