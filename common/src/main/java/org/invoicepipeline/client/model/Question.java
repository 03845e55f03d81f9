package org.invoicepipeline.client.model;

import java.util.List;

/**
 * A question an extraction stopped to ask. {@code type} is {@code single_choice} or {@code free_text};
 * text answers are accepted on every type.
 */
public record Question(String questionId, String type, String question, String exampleFromDocuments,
                       QuestionScope scope, List<QuestionChoice> choices, String recommendedApproach,
                       Boolean previousAnswerRejected) {

    public boolean wasPreviousAnswerRejected() {
        return Boolean.TRUE.equals(previousAnswerRejected);
    }
}
