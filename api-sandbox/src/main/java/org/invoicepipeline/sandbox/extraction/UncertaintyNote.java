package org.invoicepipeline.sandbox.extraction;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A prompt note (contract schema {@code UncertaintyNote}): an assumption made where the prompt left room. */
public record UncertaintyNote(
        @JsonProperty("topic") String topic,
        @JsonProperty("description") String description,
        @JsonProperty("suggested_prompt_additions") List<SuggestedPromptAddition> suggestedPromptAdditions) {

    public UncertaintyNote {
        suggestedPromptAdditions = List.copyOf(suggestedPromptAdditions);
    }

    /** Prompt text that would settle the matter next time, and what it is for. */
    public record SuggestedPromptAddition(
            @JsonProperty("purpose") String purpose,
            @JsonProperty("instructions") List<String> instructions) {

        public SuggestedPromptAddition {
            instructions = List.copyOf(instructions);
        }
    }
}
