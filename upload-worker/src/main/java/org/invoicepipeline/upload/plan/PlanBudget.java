package org.invoicepipeline.upload.plan;

import java.util.List;

/**
 * Bounds the serialized size of a plan by construction: each file's share of its plan's JSON is measured when it
 * is buffered (its encoded entry, which includes its attributes and its original registration record, plus room
 * for a session-name prefix and a separator), a session's envelope is measured per group, and the buffer closes a
 * group before the sum would exceed {@code maxPlanBytes}. A file whose entry cannot fit a plan even alone is
 * rejected ({@code ATTRIBUTES_TOO_LARGE}): it would never fit, so retrying cannot help.
 */
final class PlanBudget {

    /** Room for the {@code N_} prefix {@link SessionFileNames} may add (N ≤ 6,000) and the list's comma. */
    private static final int NAME_PREFIX_AND_SEPARATOR = 8;
    /** A session id's length ({@code us-} and 40 hex characters) and the longest epoch-millisecond time. */
    private static final String SAMPLE_SESSION_ID = "us-" + "0".repeat(40);
    private static final long LONGEST_PLANNED_AT = 9_999_999_999_999L;

    private final long maxPlanBytes;
    private final PlannedSessionCodec codec = new PlannedSessionCodec();

    PlanBudget(long maxPlanBytes) {
        this.maxPlanBytes = maxPlanBytes;
    }

    long maxPlanBytes() {
        return maxPlanBytes;
    }

    /** The most bytes {@code file} adds to its plan. */
    long entryBytes(PlannedFile file) {
        return codec.write(file).length + NAME_PREFIX_AND_SEPARATOR;
    }

    /** The bytes of a plan of group {@code key} without files. */
    long envelopeBytes(SessionBuffer.GroupKey key) {
        return codec.write(new PlannedSession(SAMPLE_SESSION_ID, key.profile(), key.batchKey(), LONGEST_PLANNED_AT,
                List.of())).length;
    }

    /** Whether a plan holding only this file fits the budget. */
    boolean fitsAlone(SessionBuffer.GroupKey key, long entryBytes) {
        return envelopeBytes(key) + entryBytes <= maxPlanBytes;
    }
}
