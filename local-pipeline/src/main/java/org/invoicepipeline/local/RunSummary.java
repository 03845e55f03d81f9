package org.invoicepipeline.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.invoicepipeline.local.cli.ExitStatus;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.register.FolderScan;
import org.invoicepipeline.local.results.FileOutcome;
import org.invoicepipeline.local.results.ResultsWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did: files in, results by status, dead letters by code, extractions, credits, elapsed time and
 * throughput, every file that did not end EXTRACTED with its code and message, and the exit code. Printed to the
 * console (ending with the table of files not extracted and where the results are) and written to
 * {@code summary.json} in the run's folder.
 *
 * @param progress  the monitor's counts
 * @param elapsed   since the run started
 * @param startup   of which starting Kafka, the API and the workers took this long
 * @param runFolder the run's own folder (results, summary, output files)
 * @param shownAt   how the summary names the results: {@code <output>/latest} when linked, else the run folder
 * @param outcomes  every registered file's outcome, in registration order
 * @param skipped   what the scans of the input folder left out, with why
 * @param exit      how the run ended
 */
public record RunSummary(PipelineProgress progress, Duration elapsed, Duration startup, Path runFolder, Path shownAt,
                         List<FileOutcome> outcomes, List<FolderScan.Skipped> skipped, ExitStatus exit) {

    public static final String SUMMARY_JSON = "summary.json";

    /** Rows of the terminal's table of files not extracted; the rest are in summary.json. */
    static final int TABLE_ROWS = 20;

    public boolean complete() {
        return progress.allDone();
    }

    /** Files that ended per minute of work: from registration (after the start-up) to the end. */
    public double filesPerMinute() {
        double minutes = Math.max(elapsed.minus(startup).toMillis(), 1) / 60_000.0;
        return progress.done() / minutes;
    }

    public List<FileOutcome> notExtracted() {
        return outcomes.stream().filter(o -> !o.extracted()).toList();
    }

    public void print(PrintStream out) {
        out.println();
        out.println("==== local pipeline summary ====");
        out.printf("files in        %d%n", progress.registered());
        out.printf("results         %d %s%n", progress.withResult(), progress.resultsByStatus());
        out.printf("dead letters    %d %s%n", progress.deadLettered(), progress.deadLettersByCode());
        out.printf("extractions     %d%n", progress.extractions());
        out.printf("credits used    %d%n", progress.creditsUsed());
        out.printf("questions asked %d%n", progress.questionsAsked());
        out.printf("elapsed         %.1f s (start-up %.1f s, then %.1f files/min)%n", elapsed.toMillis() / 1000.0,
                startup.toMillis() / 1000.0, filesPerMinute());
        List<FileOutcome> notExtracted = notExtracted();
        if (!notExtracted.isEmpty()) {
            out.println();
            out.printf("Not extracted: %d of %d file(s)%n", notExtracted.size(), outcomes.size());
            int fileWidth = Math.min(40, Math.max(4, notExtracted.stream().mapToInt(o -> shown(o.file()).length()).max().orElse(4)));
            int codeWidth = Math.max(4, notExtracted.stream().mapToInt(o -> o.code().length()).max().orElse(4));
            String format = "  %-" + fileWidth + "s  %-13s  %-" + codeWidth + "s  %s%n";
            out.printf(format, "FILE", "STATUS", "CODE", "REASON");
            notExtracted.stream().limit(TABLE_ROWS).forEach(o -> out.printf(format, fit(shown(o.file()), fileWidth),
                    o.status(), o.code(), oneLine(reason(o), 100)));
            if (notExtracted.size() > TABLE_ROWS) {
                out.printf("  ... and %d more in %s%n", notExtracted.size() - TABLE_ROWS, SUMMARY_JSON);
            }
        }
        out.println();
        out.printf("Results: %s  (%s, %s, %s, extractions/)%n", shownAt, ResultsWriter.CSV, ResultsWriter.JSONL,
                SUMMARY_JSON);
        out.printf("Exit code %d: %s%n", exit.code(), exit.meaning());
    }

    /** Writes results.jsonl, results.csv and summary.json into the run folder. */
    public void write() throws IOException {
        ResultsWriter.write(runFolder, outcomes);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", runFolder.getFileName().toString());
        json.put("run_folder", runFolder.toString());
        json.put("outcome", exit.name().toLowerCase());
        json.put("exit_code", exit.code());
        json.put("files_in", progress.registered());
        json.put("results", progress.withResult());
        json.put("results_by_status", progress.resultsByStatus());
        json.put("dead_letters", progress.deadLettered());
        json.put("dead_letters_by_code", progress.deadLettersByCode());
        json.put("extractions", progress.extractions());
        json.put("credits_used", progress.creditsUsed());
        json.put("questions_asked", progress.questionsAsked());
        json.put("elapsed_seconds", elapsed.toMillis() / 1000.0);
        json.put("startup_seconds", startup.toMillis() / 1000.0);
        json.put("files_per_minute", filesPerMinute());
        json.put("complete", complete());
        List<Map<String, Object>> notExtracted = new ArrayList<>();
        for (FileOutcome o : notExtracted()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("file", o.file());
            file.put("file_id", o.fileId());
            file.put("status", o.status());
            file.put("code", o.code());
            file.put("message", o.message());
            notExtracted.add(file);
        }
        json.put("not_extracted", notExtracted);
        json.put("skipped", skipped.stream().map(s -> Map.of("path", s.path(), "reason", s.reason())).toList());
        json.put("files", Map.of("results_jsonl", ResultsWriter.JSONL, "results_csv", ResultsWriter.CSV,
                "outputs", "extractions/<extraction_id>/output.{json,csv,xlsx}"));
        Files.createDirectories(runFolder);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(runFolder.resolve(SUMMARY_JSON).toFile(), json);
    }

    /**
     * The message without the stages' {@code file <file_id> '<name>': } prefix: the table's FILE column already
     * names the file.
     */
    static String reason(FileOutcome outcome) {
        String prefix = "file " + outcome.fileId() + " '";
        String message = outcome.message() == null ? "" : outcome.message();
        int end = message.startsWith(prefix) ? message.indexOf("': ", prefix.length()) : -1;
        return end < 0 ? message : message.substring(end + 3);
    }

    /** A name with leading or trailing spaces in quotes, so the spaces can be seen. */
    static String shown(String file) {
        return file.strip().equals(file) ? file : "\"" + file + "\"";
    }

    static String oneLine(String text, int max) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    static String fit(String text, int width) {
        return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
    }
}
