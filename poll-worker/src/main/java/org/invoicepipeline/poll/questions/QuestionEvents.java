package org.invoicepipeline.poll.questions;

import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.Question;
import org.invoicepipeline.client.model.QuestionChoice;
import org.invoicepipeline.client.model.QuestionScope;
import org.invoicepipeline.events.AnswerChoice;
import org.invoicepipeline.events.AnswerScope;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.OpenQuestion;
import org.invoicepipeline.events.QuestionType;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link ExtractionQuestionsAsked} event of an extraction that stopped to ask: who asks (the
 * submission's identity and files), by when, and every open question as the API asked it.
 */
public final class QuestionEvents {

    private final Clock clock;

    public QuestionEvents(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param autoAcceptRecommended whether this worker answers the questions with the recommendations itself
     * @throws IllegalStateException when the API left out {@code answer_by} or {@code progress}, which it
     *                               always sends with {@code input_required}
     */
    public ExtractionQuestionsAsked asked(ExtractionSubmitted submitted, ExtractionStatus.InputRequired status,
                                          boolean autoAcceptRecommended) {
        return ExtractionQuestionsAsked.newBuilder()
                .setSubmissionId(submitted.getSubmissionId())
                .setExtractionId(submitted.getExtractionId())
                .setUploadSessionId(submitted.getUploadSessionId())
                .setProfile(submitted.getProfile())
                .setBatchKey(submitted.getBatchKey())
                .setFiles(submitted.getFiles())
                .setAttempt(submitted.getAttempt())
                .setAnswerBy(required(status.answerBy(), "answer_by", status))
                .setProgress(required(status.progress(), "progress", status))
                .setQuestions(status.questions().stream().map(QuestionEvents::question).toList())
                .setAutoAcceptRecommended(autoAcceptRecommended)
                .setAskedAt(clock.instant())
                .build();
    }

    static QuestionType type(String apiType) {
        if ("single_choice".equals(apiType)) {
            return QuestionType.SINGLE_CHOICE;
        }
        if ("free_text".equals(apiType)) {
            return QuestionType.FREE_TEXT;
        }
        // A type added to the API later: whoever answers can still answer it with text.
        return QuestionType.UNKNOWN;
    }

    private static OpenQuestion question(Question question) {
        return OpenQuestion.newBuilder()
                .setQuestionId(question.questionId())
                .setType(type(question.type()))
                .setQuestion(Objects.requireNonNullElse(question.question(), ""))
                .setExampleFromDocuments(question.exampleFromDocuments())
                .setScope(scope(question.scope()))
                .setChoices(question.choices() == null ? List.of()
                        : question.choices().stream().map(QuestionEvents::choice).toList())
                .setRecommendedApproach(question.recommendedApproach())
                .setPreviousAnswerRejected(question.wasPreviousAnswerRejected())
                .build();
    }

    private static AnswerScope scope(QuestionScope scope) {
        // The API always sends a scope; without one, state what the API documents for every answer: the whole extraction.
        if (scope == null) {
            return new AnswerScope("extraction", "Every document in this extraction.");
        }
        return new AnswerScope(Objects.requireNonNullElse(scope.level(), ""),
                Objects.requireNonNullElse(scope.appliesTo(), ""));
    }

    private static AnswerChoice choice(QuestionChoice choice) {
        return new AnswerChoice(choice.choiceId(), Objects.requireNonNullElse(choice.label(), ""),
                choice.cellWouldContain(), choice.isRecommended());
    }

    private static <T> T required(T value, String field, ExtractionStatus.InputRequired status) {
        if (value == null) {
            throw new IllegalStateException("The input_required status of extraction " + status.extractionId()
                    + " has no " + field);
        }
        return value;
    }
}
