package org.invoicepipeline.client.model;

import java.util.List;

/** An assumption made where the prompt left room for interpretation. */
public record UncertaintyNote(String topic, String description, List<SuggestedPromptAddition> suggestedPromptAdditions) {
}
