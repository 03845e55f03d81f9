package org.invoicepipeline.ops.status;

import java.time.Duration;

/** The state {@code status} shows for a stage: a pure decision over what the broker says. */
public final class StageStates {

    public static final String OK = "OK";
    public static final String IDLE = "IDLE";
    public static final String DOWN = "DOWN";
    public static final String HOLDING = "HOLDING";

    private StageStates() {
    }

    /**
     * @param topicExists      whether the stage's input topic exists
     * @param members          consumers in the stage's group
     * @param lag              records waiting
     * @param oldestWaitingAge how long the oldest of them waits, or null
     * @param holdingAfter     a wait longer than this is HOLDING
     */
    public static String of(boolean topicExists, int members, long lag, Duration oldestWaitingAge,
                            Duration holdingAfter) {
        if (!topicExists) {
            return IDLE;
        }
        if (members == 0 && lag > 0) {
            return DOWN;
        }
        if (lag > 0 && oldestWaitingAge != null && oldestWaitingAge.compareTo(holdingAfter) > 0) {
            return HOLDING;
        }
        return OK;
    }
}
