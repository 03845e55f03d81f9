package org.invoicepipeline.sandbox.extraction;

import java.util.Objects;

/** One field of an object prompt: the output column name and optional instructions for it. */
public record PromptField(String name, String prompt) {

    public PromptField {
        Objects.requireNonNull(name, "name");
        prompt = prompt == null ? "" : prompt;
    }

    public static PromptField of(String name) {
        return new PromptField(name, "");
    }
}
