package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/** An answer to one question: a choice (with words if you like), words alone, or the recommendation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(String questionId, String choiceId, String text, Boolean acceptRecommended) {

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
    }

    public static Answer choice(String questionId, String choiceId) {
        return new Answer(questionId, Objects.requireNonNull(choiceId, "choiceId"), null, null);
    }

    public static Answer choice(String questionId, String choiceId, String text) {
        return new Answer(questionId, Objects.requireNonNull(choiceId, "choiceId"), text, null);
    }

    public static Answer text(String questionId, String text) {
        return new Answer(questionId, null, Objects.requireNonNull(text, "text"), null);
    }

    public static Answer acceptRecommended(String questionId) {
        return new Answer(questionId, null, null, Boolean.TRUE);
    }
}
