package org.invoicepipeline.poll.inflight;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightOffsetsTest {

    private final TopicPartition p0 = new TopicPartition("extraction-submitted", 0);
    private final TopicPartition p1 = new TopicPartition("extraction-submitted", 1);
    private final InFlightOffsets<String> offsets = new InFlightOffsets<>();

    @Test
    void commitsNothingWhileALowerRecordIsStillInFlight() {
        offsets.begin(p0, 10, "ack-10");
        offsets.begin(p0, 11, "ack-11");
        offsets.begin(p0, 12, "ack-12");

        assertThat(offsets.finish(p0, 12)).isEmpty();
        assertThat(offsets.finish(p0, 11)).isEmpty();
        assertThat(offsets.size()).isEqualTo(1);

        // The lowest finishes: everything up to 12 is committable, acknowledged through 12's handle.
        assertThat(offsets.finish(p0, 10)).contains("ack-12");
        assertThat(offsets.size()).isZero();
    }

    @Test
    void aDeadLetteredRecordIsCommittableOnlyWhenNothingBelowItIsInFlight() {
        assertThat(offsets.abandon(p0, 5)).isTrue();

        offsets.begin(p0, 6, "ack-6");
        assertThat(offsets.abandon(p0, 7)).isFalse();
        assertThat(offsets.abandon(p1, 7)).isTrue();
        // A record that was in flight when given up on ends too.
        assertThat(offsets.abandon(p0, 6)).isTrue();
        assertThat(offsets.isInFlight(p0, 6)).isFalse();
        assertThat(offsets.size()).isZero();
    }

    @Test
    void advancesOnlyUpToTheLowestInFlightRecord() {
        offsets.begin(p0, 1, "ack-1");
        offsets.begin(p0, 2, "ack-2");
        offsets.begin(p0, 3, "ack-3");

        assertThat(offsets.finish(p0, 1)).contains("ack-1");
        assertThat(offsets.finish(p0, 3)).isEmpty();
        assertThat(offsets.isInFlight(p0, 2)).isTrue();
        assertThat(offsets.finish(p0, 2)).contains("ack-3");
    }

    @Test
    void partitionsAreIndependent() {
        offsets.begin(p0, 5, "p0-5");
        offsets.begin(p1, 7, "p1-7");

        assertThat(offsets.finish(p1, 7)).contains("p1-7");
        assertThat(offsets.isInFlight(p0, 5)).isTrue();
    }

    @Test
    void forgetsRevokedPartitionsSoTheirRecordsAreNeverAcknowledged() {
        offsets.begin(p0, 5, "p0-5");
        offsets.begin(p1, 9, "p1-9");

        offsets.forget(List.of(p0));

        assertThat(offsets.isInFlight(p0, 5)).isFalse();
        assertThat(offsets.finish(p0, 5)).isEmpty();
        assertThat(offsets.size()).isEqualTo(1);
    }

    @Test
    void aRedeliveredRecordIsTrackedOnce() {
        offsets.begin(p0, 4, "first");
        offsets.begin(p0, 4, "again");

        assertThat(offsets.size()).isEqualTo(1);
        assertThat(offsets.finish(p0, 4)).contains("again");
        assertThat(offsets.finish(p0, 4)).isEmpty();
    }

    @Test
    void concurrentFinishesAcknowledgeInOffsetOrderSoTheCommitNeverMovesBackwards() throws Exception {
        InFlightOffsets<Long> longs = new InFlightOffsets<>();
        int records = 2_000;
        for (long offset = 0; offset < records; offset++) {
            longs.begin(p0, offset, offset);
        }
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (long offset = 0; offset < records; offset++) {
            long finished = offset;
            threads.submit(() -> {
                start.await();
                longs.finish(p0, finished, acknowledged::add);
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(acknowledged).isSorted().last().isEqualTo((long) records - 1);
        assertThat(longs.size()).isZero();
    }
}
