package org.invoicepipeline.sandbox.engine;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.invoicepipeline.sandbox.extraction.ExtractionPrompt;

/**
 * A validated submitExtraction request.
 *
 * @param prompt      the prompt exactly as sent (a string or the object form), echoed by getExtractionDetails
 * @param options     every option resolved with defaults; a repeated submission is compared on these
 */
public record Submission(
        String submissionId,
        String uploadSessionId,
        List<String> fileIds,
        String taskName,
        JsonNode prompt,
        String outputStructure,
        ExtractionOptions options) {

    public Submission {
        fileIds = List.copyOf(fileIds);
    }

    public ExtractionPrompt parsedPrompt() {
        return ExtractionPrompt.fromJson(prompt);
    }
}
