package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code prompt} of a submission: either a sentence ({@link #sentence()} non-null) or an object naming
 * the exact output fields ({@link #fields()} non-empty) with an optional general prompt.
 */
public record ExtractionPrompt(String sentence, List<PromptField> fields, String generalPrompt) {

    public ExtractionPrompt {
        fields = List.copyOf(fields);
        generalPrompt = generalPrompt == null ? "" : generalPrompt;
        if ((sentence == null) == fields.isEmpty()) {
            throw new IllegalArgumentException("A prompt is either a sentence or a non-empty list of fields");
        }
    }

    public static ExtractionPrompt sentence(String sentence) {
        return new ExtractionPrompt(Objects.requireNonNull(sentence, "sentence"), List.of(), "");
    }

    public static ExtractionPrompt fields(List<PromptField> fields, String generalPrompt) {
        return new ExtractionPrompt(null, fields, generalPrompt);
    }

    /**
     * The prompt from the request's JSON {@code prompt} value (a string, or an object with {@code fields}
     * and {@code general_prompt}). Validation of lengths and names is the caller's job.
     */
    public static ExtractionPrompt fromJson(JsonNode prompt) {
        if (prompt.isTextual()) {
            return sentence(prompt.asText());
        }
        List<PromptField> fields = new ArrayList<>();
        for (JsonNode field : prompt.path("fields")) {
            fields.add(new PromptField(field.path("name").asText(), field.path("prompt").asText("")));
        }
        return fields(fields, prompt.path("general_prompt").asText(""));
    }

    public boolean isSentence() {
        return sentence != null;
    }
}
