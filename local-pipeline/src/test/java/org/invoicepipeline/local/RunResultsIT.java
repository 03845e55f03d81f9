package org.invoicepipeline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.invoicepipeline.local.cli.StopRequest;
import org.invoicepipeline.local.progress.Terminal;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.upload.config.UploadWorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command in-process, as a person uses it on a mixed folder: per-file results on disk (results.jsonl,
 * results.csv parsed with a CSV parser, summary.json), the run folder and its {@code latest} link, {@code
 * --recursive}, the terminal's table of files not extracted and exit code 3; and a timeout: exit code 1, a message
 * naming what is pending and how to give more time, pending files in the results.
 */
class RunResultsIT {

    @TempDir
    Path input;

    @TempDir
    Path output;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void aMixedFolderEndsWithOneResultPerFileOnDiskAndExitCodeThree() throws Exception {
        MixedFolder.write(input, 2L * 1024 * 1024);
        LaunchOptions options = PipelineFixture.options(input, output, 20, Duration.ofMillis(20)).withRecursive(true);
        Map<Stage, Map<String, String>> settings = new HashMap<>(PipelineFixture.fastClocks());
        settings.put(Stage.UPLOAD, Map.of(UploadWorkerProperties.PLANNER_LINGER, "500ms",
                UploadWorkerProperties.VALIDATION_MAX_PDF_SIZE, "1MB"));

        int exit = LocalPipelineMain.run(options, terminal(), StopRequest.never(), settings);

        String screen = console.toString(StandardCharsets.UTF_8);
        System.out.println(screen);
        assertThat(exit).isEqualTo(3);
        Path latest = output.resolve("latest");
        assertThat(Files.isSymbolicLink(latest)).isTrue();
        Path run = latest.toRealPath();
        assertThat(run.getParent()).isEqualTo(output.resolve("runs").toRealPath());
        assertThat(run.resolve("extractions")).isDirectory();

        List<String> good = new ArrayList<>(MixedFolder.GOOD);
        good.add(MixedFolder.IMAGE);
        good.add(MixedFolder.SUBFOLDER_FILE);
        Map<String, CSVRecord> csv = csvByFile(run.resolve("results.csv"));
        assertThat(csv.keySet()).containsExactlyInAnyOrderElementsOf(
                concat(good, new ArrayList<>(MixedFolder.BAD.keySet())));
        for (int i = 0; i < MixedFolder.GOOD.size(); i++) {
            assertThat(csv.get(MixedFolder.GOOD.get(i)).toMap()).containsEntry("status", "EXTRACTED").containsEntry("code", "")
                    .containsEntry("Invoice Number", MixedFolder.GENERATOR.generate(i + 1).invoiceNumber());
        }
        assertThat(csv.get(MixedFolder.SUBFOLDER_FILE).get("Invoice Number"))
                .isEqualTo(MixedFolder.GENERATOR.generate(5).invoiceNumber());
        assertThat(csv.get(MixedFolder.IMAGE).get("status")).isEqualTo("EXTRACTED");
        MixedFolder.BAD.forEach((file, code) -> {
            assertThat(csv.get(file).get("status")).as(file).isIn("DEAD_LETTERED", "FAILED");
            assertThat(csv.get(file).get("code")).as(file).isEqualTo(code);
            assertThat(csv.get(file).get("message")).as(file).contains(file);
        });

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> results = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("results.jsonl"))) {
            results.add(json.readTree(line));
        }
        int files = good.size() + MixedFolder.BAD.size();
        assertThat(results).hasSize(files);
        assertThat(results.stream().map(r -> r.path("file_id").asText()).distinct()).hasSize(files);
        JsonNode nested = results.stream().filter(r -> r.path("file_name").asText().equals("invoice-5.pdf")).findFirst().orElseThrow();
        assertThat(nested.path("attributes").path("relative_path").asText()).isEqualTo(MixedFolder.SUBFOLDER_FILE);
        assertThat(nested.path("rows").path(0).path("values").path("Total Amount").isNumber()).isTrue();

        JsonNode summary = json.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("exit_code").asInt()).isEqualTo(3);
        assertThat(summary.path("outcome").asText()).isEqualTo("some_not_extracted");
        Map<String, String> notExtracted = new HashMap<>();
        summary.path("not_extracted").forEach(f -> notExtracted.put(f.path("file").asText(), f.path("code").asText()));
        assertThat(notExtracted).isEqualTo(MixedFolder.BAD);
        summary.path("not_extracted").forEach(f -> assertThat(f.path("message").asText()).isNotBlank());
        assertThat(summary.path("skipped").toString()).contains(".DS_Store").contains("hidden");

        assertThat(screen).contains("Registered " + files + " file(s) from " + input + " and its subfolders")
                .contains("Skipped 1: hidden: .DS_Store")
                .contains("Not extracted: " + MixedFolder.BAD.size() + " of " + files + " file(s)")
                .contains("Results: " + output.toAbsolutePath().resolve("latest"))
                .contains("Exit code 3: some files not extracted")
                .doesNotContain("\r").doesNotContain("Bootstrap metadata").doesNotContain("Formatting metadata");
        MixedFolder.BAD.forEach((file, code) -> assertThat(screen)
                .containsPattern("(?m)^  \"?" + java.util.regex.Pattern.quote(file) + "\"? +\\S+ +" + code + " +\\S"));
    }

    @Test
    void aTimeoutSaysWhatIsPendingWhereAndHowToGiveMoreTime() throws Exception {
        PipelineFixture.writeInvoices(input, 1, 2);
        Files.write(input.resolve("empty.pdf"), new byte[0]);
        LaunchOptions options = PipelineFixture.options(input, output, 20, Duration.ofSeconds(120))
                .withTimeout(Duration.ofSeconds(6));

        int exit = LocalPipelineMain.run(options, terminal(), StopRequest.never(), PipelineFixture.fastClocks());

        String screen = console.toString(StandardCharsets.UTF_8);
        System.out.println(screen);
        assertThat(exit).isEqualTo(1);
        assertThat(screen).containsPattern("Timed out after 6s: 2 of 3 file\\(s\\) still without a result \\(2 (waiting for upload|waiting for submission|being extracted)")
                .contains("Give it more time with --timeout 12s")
                .contains("Exit code 1: timed out");
        Path run = output.resolve("latest").toRealPath();
        Map<String, CSVRecord> csv = csvByFile(run.resolve("results.csv"));
        assertThat(csv.get("empty.pdf").get("code")).isEqualTo("EMPTY_FILE");
        assertThat(csv.get("invoice-1.pdf").toMap()).containsEntry("status", "PENDING").containsEntry("code", "TIMED_OUT");
        assertThat(csv.get("invoice-2.pdf").get("status")).isEqualTo("PENDING");
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("outcome").asText()).isEqualTo("timed_out");
        assertThat(summary.path("not_extracted")).hasSize(3);
    }

    private Terminal terminal() {
        return new Terminal(new PrintStream(console, true, StandardCharsets.UTF_8), false);
    }

    /** results.csv by its file column (one row per file here: per-invoice output, one invoice per file). */
    static Map<String, CSVRecord> csvByFile(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<CSVRecord> records = csv.getRecords();
            Map<String, CSVRecord> byFile = records.stream().collect(Collectors.toMap(r -> r.get("file"), r -> r));
            assertThat(byFile).as("one row per file").hasSize(records.size());
            return byFile;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
