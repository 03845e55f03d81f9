package org.invoicepipeline.common.events;

import java.util.Comparator;

import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;

/**
 * The retry generation of a file ({@code FileRegistered.retry_generation}): 0 as the producer registered it, N for
 * the operator's N-th replay of it. A generation is a unit of work of its own: the upload stage de-duplicates on
 * {@link #workKey}, and the deterministic ids of that work (upload session, submission, result) are derived from
 * the work key, which for generation 0 is the bare file id, so ids of generation 0 are those of before.
 */
public final class RetryGenerations {

    /** Separates a file id from its generation in a work key; never part of a valid file id ({@link FileIds}). */
    public static final char SEPARATOR = '#';

    /**
     * Which result of a file is its current outcome: the highest retry generation, then the latest
     * {@code produced_at}. The greatest result under this order wins.
     */
    public static final Comparator<ExtractionResult> CURRENT_OUTCOME = Comparator
            .comparingInt(ExtractionResult::getRetryGeneration)
            .thenComparing(ExtractionResult::getProducedAt);

    private RetryGenerations() {
    }

    /** {@code fileId} for generation 0, {@code fileId#N} for generation N: the identity of one unit of work. */
    public static String workKey(String fileId, int generation) {
        if (generation < 0) {
            throw new IllegalArgumentException("retry generation must be >= 0, was " + generation);
        }
        return generation == 0 ? fileId : fileId + SEPARATOR + generation;
    }

    /** The work key of a registration. */
    public static String workKey(FileRegistered event) {
        return workKey(event.getFileId(), event.getRetryGeneration());
    }

    /** True when a file with result {@code status} may be replayed: it did not end in extracted or cancelled data. */
    public static boolean replayable(ResultStatus status) {
        return status == ResultStatus.DEAD_LETTERED || status == ResultStatus.FAILED;
    }
}
