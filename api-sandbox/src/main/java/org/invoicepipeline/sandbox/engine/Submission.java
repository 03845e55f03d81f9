package org.invoicepipeline.sandbox.engine;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.invoicepipeline.sandbox.extraction.ExtractionPrompt;

/**
 * A validated submitExtraction request.
 *
 * @param prompt      the prompt exactly as sent (a string or the object form), echoed by getExtractionDetails
 * @param sentOptions the {@code options} object exactly as sent ({@code null} when absent), compared for idempotency
 * @param options     every option resolved with defaults
 */
public record Submission(
        String submissionId,
        String uploadSessionId,
        List<String> fileIds,
        String taskName,
        JsonNode prompt,
        String outputStructure,
        JsonNode sentOptions,
        ExtractionOptions options) {

    public Submission {
        fileIds = List.copyOf(fileIds);
    }

    public ExtractionPrompt parsedPrompt() {
        return ExtractionPrompt.fromJson(prompt);
    }
}
