package org.invoicepipeline.sandbox.extraction;

import java.util.Objects;

/**
 * An answer to a {@link Question}: a choice, the caller's own words, or acceptance of the recommendation.
 * {@code text} may accompany a choice.
 */
public record Answer(String questionId, String choiceId, String text, boolean acceptRecommended) {

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
    }

    public static Answer choice(String questionId, String choiceId) {
        return new Answer(questionId, choiceId, null, false);
    }

    public static Answer text(String questionId, String text) {
        return new Answer(questionId, null, text, false);
    }

    public static Answer acceptRecommended(String questionId) {
        return new Answer(questionId, null, null, true);
    }
}
