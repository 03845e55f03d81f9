package org.invoicepipeline.ops.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code status}.
 *
 * @param at                when it was taken
 * @param stages            one line per stage
 * @param deadLettersSince  the start of the dead-letter window
 * @param deadLetters       per stage, per code: dead letters in the window
 * @param api               the API's view, or null when no key is configured
 */
public record PipelineStatus(Instant at, List<StageLine> stages, Instant deadLettersSince,
                             Map<String, Map<String, Integer>> deadLetters, ApiView api) {

    /**
     * One stage.
     *
     * @param state            OK, IDLE (no input yet), DOWN (no consumer in the group while records wait) or
     *                         HOLDING (its oldest waiting record waits longer than --holding-after: paused, backing
     *                         off or stuck)
     * @param oldestWaitingAge seconds the oldest uncommitted record has waited, or null
     */
    public record StageLine(String stage, String group, String topic, String state, String groupState, int members,
                            long lag, Long oldestWaitingAge) {
    }

    /**
     * What the API says about the key's account.
     *
     * @param error a one-line reason when the API could not be asked; the rest is then empty
     */
    public record ApiView(Integer processing, List<Waiting> inputRequired, Long creditsUsable, String error) {
    }

    /** An extraction waiting for answers. */
    public record Waiting(String extractionId, String submissionId, Instant answerBy, Integer progress) {
    }
}
