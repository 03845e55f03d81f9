package org.invoicepipeline.sandbox.extraction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A choice of a {@code single_choice} question (contract schema {@code QuestionChoice}). {@code recommended}
 * is {@code true} on exactly one choice and {@code null} (left out of JSON) on the others.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionChoice(
        @JsonProperty("choice_id") String choiceId,
        @JsonProperty("label") String label,
        @JsonProperty("cell_would_contain") String cellWouldContain,
        @JsonProperty("recommended") Boolean recommended) {

    public boolean isRecommended() {
        return Boolean.TRUE.equals(recommended);
    }
}
