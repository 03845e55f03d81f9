package org.invoicepipeline.poll.inflight;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightOffsetsTest {

    private final TopicPartition p0 = new TopicPartition("extraction-submitted", 0);
    private final TopicPartition p1 = new TopicPartition("extraction-submitted", 1);
    private final InFlightOffsets offsets = new InFlightOffsets();

    @Test
    void commitsUpToTheLowestRecordInFlightAndRecordsTheFinishedOnesAboveIt() {
        offsets.begin(p0, 10);
        offsets.begin(p0, 11);
        offsets.begin(p0, 12);

        offsets.finish(p0, 12);
        offsets.finish(p0, 11);
        assertThat(offsets.size()).isEqualTo(1);
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(10, List.of(11L, 12L)));

        offsets.finish(p0, 10);
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(13, List.of()));
        assertThat(offsets.size()).isZero();
    }

    @Test
    void onlyPartitionsThatChangedAreCommittedAgain() {
        offsets.begin(p0, 1);
        offsets.begin(p1, 1);
        offsets.finish(p0, 1);

        assertThat(offsets.takeCommits()).containsOnlyKeys(p0);
        assertThat(offsets.takeCommits()).isEmpty();
        offsets.markUncommitted(List.of(p0));
        assertThat(offsets.takeCommits()).containsOnlyKeys(p0);
    }

    @Test
    void recordsFinishedBeforeARestartAreSkippedAndStayRecordedUntilTheHeldOneFinishes() {
        // Committed at 5 (held in input_required) with 6, 7 and 9 finished; 8 was still in flight.
        offsets.assigned(p0, 5L, List.of(6L, 7L, 9L));

        assertThat(offsets.begin(p0, 5)).isTrue();
        assertThat(offsets.begin(p0, 6)).isFalse();
        // Before 7..9 are even delivered again, a commit (e.g. on the next rebalance) still names them.
        offsets.markUncommitted(List.of(p0));
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(5, List.of(6L, 7L, 9L)));
        assertThat(offsets.begin(p0, 7)).isFalse();
        assertThat(offsets.begin(p0, 8)).isTrue();
        assertThat(offsets.begin(p0, 9)).isFalse();
        assertThat(offsets.size()).isEqualTo(2);

        offsets.finish(p0, 5);
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(8, List.of(9L)));
        offsets.finish(p0, 8);
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(10, List.of()));
    }

    @Test
    void aRecordBelowTheCommittedOffsetIsNeverWaitedForAgain() {
        offsets.assigned(p0, 20L, List.of());
        assertThat(offsets.begin(p0, 19)).isFalse();
        assertThat(offsets.begin(p0, 20)).isTrue();
    }

    @Test
    void offsetsNeverDeliveredBelowADeliveredOneAreGaps() {
        offsets.assigned(p0, 100L, List.of());
        // 100..102 were transaction markers or removed by retention: the consumer delivers 103 first.
        offsets.begin(p0, 103);
        offsets.begin(p0, 105);
        offsets.finish(p0, 103);

        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(105, List.of()));
    }

    @Test
    void anUnknownCommitStartsAtTheFirstDeliveredRecord() {
        offsets.assigned(p0, null, List.of());
        offsets.begin(p0, 40);
        offsets.begin(p0, 41);
        offsets.finish(p0, 41);

        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(40, List.of(41L)));
    }

    @Test
    void aDeadLetteredRecordEndsAndIsCommittedPastWhenNothingBelowItIsInFlight() {
        offsets.abandon(p0, 5);
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(6, List.of()));

        offsets.begin(p0, 6);
        offsets.abandon(p0, 7);
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(6, List.of(7L)));
        // A record that was in flight when given up on ends too.
        offsets.abandon(p0, 6);
        assertThat(offsets.isInFlight(p0, 6)).isFalse();
        assertThat(offsets.size()).isZero();
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(8, List.of()));
    }

    @Test
    void partitionsAreIndependent() {
        offsets.begin(p0, 5);
        offsets.begin(p1, 7);

        offsets.finish(p1, 7);
        assertThat(offsets.isInFlight(p0, 5)).isTrue();
        assertThat(offsets.takeCommits()).isEqualTo(Map.of(p1, new CommitPoint(8, List.of())));
    }

    @Test
    void forgetsRevokedPartitionsSoTheirRecordsAreNeverCommitted() {
        offsets.begin(p0, 5);
        offsets.begin(p1, 9);

        offsets.forget(List.of(p0));

        assertThat(offsets.isInFlight(p0, 5)).isFalse();
        offsets.finish(p0, 5);
        assertThat(offsets.takeCommits()).doesNotContainKey(p0);
        assertThat(offsets.size()).isEqualTo(1);
    }

    @Test
    void aRedeliveredRecordInFlightIsTrackedOnce() {
        assertThat(offsets.begin(p0, 4)).isTrue();
        assertThat(offsets.begin(p0, 4)).isTrue();

        assertThat(offsets.size()).isEqualTo(1);
        offsets.finish(p0, 4);
        offsets.finish(p0, 4);
        assertThat(offsets.size()).isZero();
        assertThat(offsets.takeCommits()).containsEntry(p0, new CommitPoint(5, List.of()));
    }

    @Test
    void concurrentFinishesNeverMoveTheCommitBackwards() throws Exception {
        int records = 2_000;
        for (long offset = 0; offset < records; offset++) {
            offsets.begin(p0, offset);
        }
        List<Long> commits = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (long offset = 0; offset < records; offset++) {
            long finished = offset;
            threads.submit(() -> {
                start.await();
                offsets.finish(p0, finished);
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        // The consumer thread takes commits while the waiter threads finish records.
        while (!threads.isTerminated()) {
            CommitPoint point = offsets.takeCommits().get(p0);
            if (point != null) {
                commits.add(point.offset());
            }
        }
        CommitPoint last = offsets.takeCommits().get(p0);
        if (last != null) {
            commits.add(last.offset());
        }

        assertThat(commits).isSorted().last().isEqualTo((long) records);
        assertThat(offsets.size()).isZero();
    }
}
