package org.invoicepipeline.client.model;

import java.util.List;

/** Prompt text that would settle an assumption next time. */
public record SuggestedPromptAddition(String purpose, List<String> instructions) {
}
