package org.invoicepipeline.poll.inflight;

import java.util.List;

/**
 * What to commit for one partition: the lowest offset whose record is not done with (every record below it is),
 * and the records above it that are done already, so a restart skips them instead of waiting for their
 * extractions (and republishing their outcomes) again.
 *
 * @param offset        the offset to commit
 * @param finishedAbove offsets above {@code offset} that are done, ascending
 */
public record CommitPoint(long offset, List<Long> finishedAbove) {

    public CommitPoint {
        finishedAbove = List.copyOf(finishedAbove);
    }
}
