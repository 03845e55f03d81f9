package org.invoicepipeline.sandbox.extraction;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A question an extraction stops to ask (contract schema {@code Question}). Ids are stable for the same
 * documents and spec, so re-running {@link RowExtractor} with answers resolves the same questions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        @JsonProperty("question_id") String questionId,
        @JsonProperty("type") String type,
        @JsonProperty("question") String question,
        @JsonProperty("example_from_documents") String exampleFromDocuments,
        @JsonProperty("scope") Scope scope,
        @JsonProperty("choices") List<QuestionChoice> choices,
        @JsonProperty("recommended_approach") String recommendedApproach) {

    public static final String SINGLE_CHOICE = "single_choice";
    public static final String FREE_TEXT = "free_text";

    public Question {
        choices = List.copyOf(choices);
    }

    /** The recommended choice of a single-choice question. */
    @JsonIgnore
    public QuestionChoice recommendedChoice() {
        return choices.stream().filter(QuestionChoice::isRecommended).findFirst()
                .orElseThrow(() -> new IllegalStateException("No recommended choice on " + questionId));
    }

    /** Whether {@code choiceId} is one of this question's choices. */
    public boolean offers(String choiceId) {
        return choices.stream().anyMatch(choice -> choice.choiceId().equals(choiceId));
    }

    /** What the answer governs (contract schema {@code QuestionScope}). */
    public record Scope(@JsonProperty("level") String level, @JsonProperty("applies_to") String appliesTo) {

        /** The only scope the API uses today: every document of the extraction. */
        public static Scope extraction() {
            return new Scope("extraction", "Every document in this extraction, not only the example."
                    + " If the answer differs by document type, say so in text.");
        }
    }
}
