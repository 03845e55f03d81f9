package org.invoicepipeline.poll.questions;

import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.Question;
import org.invoicepipeline.client.model.QuestionChoice;
import org.invoicepipeline.client.model.QuestionScope;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.events.AnswerChoice;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.OpenQuestion;
import org.invoicepipeline.events.QuestionType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QuestionEventsTest {

    private static final Instant NOW = Instant.parse("2026-09-10T19:14:00Z");
    private static final Instant ANSWER_BY = Instant.parse("2026-09-12T11:14:00Z");
    private static final QuestionScope EXTRACTION = new QuestionScope("extraction",
            "Every document in this extraction, not only the example.");

    private final QuestionEvents events = new QuestionEvents(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ExtractionSubmitted submitted = SampleEvents.extractionSubmitted();

    @Test
    void carriesTheExtractionsIdentityFilesAndDeadline() {
        ExtractionQuestionsAsked asked = events.asked(submitted, inputRequired(List.of(singleChoice())), true);

        assertThat(asked.getExtractionId()).isEqualTo(submitted.getExtractionId());
        assertThat(asked.getSubmissionId()).isEqualTo(submitted.getSubmissionId());
        assertThat(asked.getUploadSessionId()).isEqualTo(submitted.getUploadSessionId());
        assertThat(asked.getProfile()).isEqualTo(submitted.getProfile());
        assertThat(asked.getBatchKey()).isEqualTo(submitted.getBatchKey());
        assertThat(asked.getAttempt()).isEqualTo(submitted.getAttempt());
        assertThat(asked.getFiles()).isEqualTo(submitted.getFiles());
        assertThat(asked.getAnswerBy()).isEqualTo(ANSWER_BY);
        assertThat(asked.getProgress()).isEqualTo(22);
        assertThat(asked.getAutoAcceptRecommended()).isTrue();
        assertThat(asked.getAskedAt()).isEqualTo(NOW);
    }

    @Test
    void aSingleChoiceQuestionKeepsItsChoicesAndWhichOneIsRecommended() {
        OpenQuestion question = events.asked(submitted, inputRequired(List.of(singleChoice())), false)
                .getQuestions().get(0);

        assertThat(question.getQuestionId()).isEqualTo("q_1");
        assertThat(question.getType()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(question.getQuestion()).startsWith("Which name");
        assertThat(question.getExampleFromDocuments()).contains("Northgate");
        assertThat(question.getScope().getLevel()).isEqualTo("extraction");
        assertThat(question.getScope().getAppliesTo()).startsWith("Every document");
        assertThat(question.getChoices()).containsExactly(
                new AnswerChoice("a", "Use the invoice issuer's name", "Northgate Search Services", true),
                new AnswerChoice("b", "Use the payment recipient's name", null, false));
        assertThat(question.getRecommendedApproach()).isNull();
        assertThat(question.getPreviousAnswerRejected()).isFalse();
    }

    @Test
    void aFreeTextQuestionKeepsItsRecommendedApproachAndARejectedAnswer() {
        Question dates = new Question("q_2", "free_text", "What date format should I use?", null, EXTRACTION,
                null, "I will use YYYY-MM-DD.", true);

        OpenQuestion question = events.asked(submitted, inputRequired(List.of(dates)), false).getQuestions().get(0);

        assertThat(question.getType()).isEqualTo(QuestionType.FREE_TEXT);
        assertThat(question.getChoices()).isEmpty();
        assertThat(question.getExampleFromDocuments()).isNull();
        assertThat(question.getRecommendedApproach()).isEqualTo("I will use YYYY-MM-DD.");
        assertThat(question.getPreviousAnswerRejected()).isTrue();
    }

    @Test
    void aQuestionTypeTheContractDoesNotKnowIsUnknown() {
        Question later = new Question("q_3", "date_pick", "Which date?", null, EXTRACTION, List.of(), null, null);

        assertThat(events.asked(submitted, inputRequired(List.of(later)), false).getQuestions())
                .extracting(OpenQuestion::getType).containsExactly(QuestionType.UNKNOWN);
    }

    @Test
    void aStatusWithoutItsDeadlineIsRefusedRatherThanPublishedWithout() {
        var noDeadline = new ExtractionStatus.InputRequired(submitted.getExtractionId(), 22, null,
                List.of(singleChoice()));

        assertThatIllegalStateException().isThrownBy(() -> events.asked(submitted, noDeadline, false))
                .withMessageContaining("answer_by");
    }

    private ExtractionStatus.InputRequired inputRequired(List<Question> questions) {
        return new ExtractionStatus.InputRequired(submitted.getExtractionId(), 22, ANSWER_BY, questions);
    }

    private static Question singleChoice() {
        return new Question("q_1", "single_choice",
                "Which name should fill the \"Supplier name\" column when the invoice issuer and payment recipient differ?",
                "The invoices show \"Northgate Search Services\" as the invoice issuer.", EXTRACTION,
                List.of(new QuestionChoice("a", "Use the invoice issuer's name", "Northgate Search Services", true),
                        new QuestionChoice("b", "Use the payment recipient's name", null, null)),
                null, null);
    }
}
