package org.invoicepipeline.submit.admission;

import java.time.Duration;

/**
 * Whether a new extraction may start under the account's concurrency limit, from the last reading of the extractions
 * in flight (all of the account's, web app included) plus those this instance submitted since that reading. A pure
 * function of its inputs.
 */
public final class ConcurrencyDecision {

    /** What the gate does next. */
    public enum Verdict {
        /** Submit: the account has room. */
        ADMIT,
        /** Read the in-flight extractions again, then decide. */
        READ_AGAIN,
        /** Hold the stage: the account is at the limit by a recent reading. */
        HOLD
    }

    private ConcurrencyDecision() {
    }

    /**
     * @param limit            extractions the account may run at once; 0 turns the check off
     * @param inFlight         in-flight extractions at the last reading, negative when never read
     * @param submittedSince   extractions this instance submitted since that reading
     * @param readingAge       how old the reading is
     * @param cacheTtl         how long a reading is trusted while it leaves room
     * @param minimumReread    how soon a reading that shows the account full may be read again
     */
    public static Verdict decide(int limit, int inFlight, int submittedSince, Duration readingAge, Duration cacheTtl,
                                 Duration minimumReread) {
        if (limit <= 0) {
            return Verdict.ADMIT;
        }
        if (inFlight < 0 || readingAge.compareTo(cacheTtl) >= 0) {
            return Verdict.READ_AGAIN;
        }
        if (inFlight + submittedSince < limit) {
            return Verdict.ADMIT;
        }
        // full by a reading: extractions finish all the time, so look again once the reading may be outdated
        return readingAge.compareTo(minimumReread) >= 0 ? Verdict.READ_AGAIN : Verdict.HOLD;
    }
}
