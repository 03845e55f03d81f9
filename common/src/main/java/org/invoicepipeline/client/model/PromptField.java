package org.invoicepipeline.client.model;

/** An output column and, optionally, instructions for it (3 to 600 characters). */
public record PromptField(String name, String prompt) {

    public static PromptField of(String name) {
        return new PromptField(name, null);
    }

    public static PromptField of(String name, String prompt) {
        return new PromptField(name, prompt);
    }
}
