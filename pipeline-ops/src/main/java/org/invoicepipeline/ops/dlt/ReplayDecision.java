package org.invoicepipeline.ops.dlt;

import java.util.List;

import org.invoicepipeline.ops.kafka.DeadLetterRecord;

/**
 * What {@code dlt replay} does with one selected dead letter.
 *
 * @param record     the dead letter
 * @param fileIds    the files its original event names
 * @param generation the retry generation of the work that was dead-lettered
 * @param action     whether it is republished, or why not
 */
public record ReplayDecision(DeadLetterRecord record, List<String> fileIds, int generation, Action action) {

    /** Republished, or skipped and why. */
    public enum Action {
        /** Republished to the stage's input as generation + 1. */
        REPLAY,
        /** The original bytes are not a readable event: the stage would refuse them again. */
        SKIP_UNREADABLE,
        /** This dead letter (or this generation of its file) was replayed before: no work twice. */
        SKIP_ALREADY_REPLAYED,
        /** Every file of it already has a result of a later generation. */
        SKIP_SUPERSEDED,
        /** Another selected dead letter of the same work is replayed instead. */
        SKIP_SAME_WORK
    }

    public int nextGeneration() {
        return generation + 1;
    }

    public boolean replays() {
        return action == Action.REPLAY;
    }
}
