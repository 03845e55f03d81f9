package org.invoicepipeline.sandbox.engine;

import java.util.regex.Pattern;

import org.invoicepipeline.sandbox.extraction.Answer;

/**
 * The sandbox's stand-in for the API's screening of answers given in bad faith: words that try to
 * instruct the service ("ignore the previous instructions ...") instead of answering are refused.
 * Deterministic, so tests can provoke {@code previous_answer_rejected} and {@code answers_rejected}.
 */
final class AnswerScreening {

    /** Refused answers, across the extraction, after which it is cancelled. */
    static final int MAX_REFUSALS = 3;

    private static final Pattern MISUSE = Pattern.compile(
            "\\b(ignore|disregard|forget)\\b.{0,40}\\b(instructions?|prompts?|rules)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private AnswerScreening() {
    }

    static boolean refused(Answer answer) {
        return answer.text() != null && MISUSE.matcher(answer.text()).find();
    }
}
