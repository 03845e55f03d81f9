package org.invoicepipeline.ops.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.Question;
import org.invoicepipeline.client.model.QuestionChoice;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerSpecTest {

    private static final List<Question> OPEN = List.of(
            new Question("q_1", "single_choice", "Which total?", null, null,
                    List.of(new QuestionChoice("a", "Total", "100.00", true), new QuestionChoice("b", "Due", "70.00", false)),
                    null, null),
            new Question("q_2", "free_text", "Which date?", null, null, List.of(), "Use the issue date", null));

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(Map.of("q_1", "b"), Map.of("q_2", "the due date"), false,
                        List.of(Answer.choice("q_1", "b"), Answer.text("q_2", "the due date"))),
                Arguments.of(Map.of(), Map.of(), true,
                        List.of(Answer.acceptRecommended("q_1"), Answer.acceptRecommended("q_2"))),
                Arguments.of(Map.of("q_1", "a"), Map.of(), true,
                        List.of(Answer.choice("q_1", "a"), Answer.acceptRecommended("q_2"))));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void answersEveryOpenQuestionOnce(Map<String, String> choices, Map<String, String> texts, boolean recommended,
                                      List<Answer> expected) {
        assertThat(AnswerSpec.answers(OPEN, choices, texts, recommended)).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Map.of("q_1", "a"), Map.of(), false, "not answered: q_2"),
                Arguments.of(Map.of("q_1", "z"), Map.of("q_2", "x"), false, "offers no choice 'z'"),
                Arguments.of(Map.of("q_9", "a"), Map.of(), true, "question q_9 is not open"),
                Arguments.of(Map.of("q_1", "a"), Map.of("q_1", "x"), true, "answered twice"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWhatTheApiWouldRefuseBeforeSendingIt(Map<String, String> choices, Map<String, String> texts,
                                                     boolean recommended, String message) {
        assertThatThrownBy(() -> AnswerSpec.answers(OPEN, choices, texts, recommended))
                .isInstanceOf(OpsException.class).hasMessageContaining(message)
                .extracting(e -> ((OpsException) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
