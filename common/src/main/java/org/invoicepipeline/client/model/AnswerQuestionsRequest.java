package org.invoicepipeline.client.model;

import java.util.List;

/** Body of {@code answerExtractionQuestions}: 1 to 15 answers. */
public record AnswerQuestionsRequest(List<Answer> answers) {
    public AnswerQuestionsRequest {
        answers = List.copyOf(answers);
    }
}
