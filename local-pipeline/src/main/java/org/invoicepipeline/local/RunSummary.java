package org.invoicepipeline.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.invoicepipeline.local.monitor.PipelineProgress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run did: files in, results by status, dead letters by code, extractions, credits, elapsed time and
 * throughput. Printed to the console and written to {@code summary.json} in the output folder.
 */
public record RunSummary(PipelineProgress progress, Duration elapsed, Path outputDir) {

    public boolean complete() {
        return progress.allDone();
    }

    public double filesPerMinute() {
        double minutes = Math.max(elapsed.toMillis(), 1) / 60_000.0;
        return progress.done() / minutes;
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
        out.printf("elapsed         %.1f s (%.1f files/min)%n", elapsed.toMillis() / 1000.0, filesPerMinute());
        out.printf("outputs         %s%n", outputDir);
        out.println(complete() ? "every file has a result or a dead letter"
                : (progress.registered() - progress.done()) + " file(s) still without a result or dead letter");
    }

    public void write() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files_in", progress.registered());
        json.put("results", progress.withResult());
        json.put("results_by_status", progress.resultsByStatus());
        json.put("dead_letters", progress.deadLettered());
        json.put("dead_letters_by_code", progress.deadLettersByCode());
        json.put("extractions", progress.extractions());
        json.put("credits_used", progress.creditsUsed());
        json.put("elapsed_seconds", elapsed.toMillis() / 1000.0);
        json.put("files_per_minute", filesPerMinute());
        json.put("complete", complete());
        Files.createDirectories(outputDir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outputDir.resolve("summary.json").toFile(), json);
    }
}
