package org.invoicepipeline.poll.inflight;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.OffsetMetadataTooLarge;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class OffsetCommitterTest {

    private final TopicPartition p0 = new TopicPartition("extraction-submitted", 0);
    private final InFlightOffsets offsets = new InFlightOffsets();
    private final AtomicLong nanos = new AtomicLong();
    private final FailingConsumer consumer = new FailingConsumer();

    /** A mock consumer whose commits can be made to fail. */
    private static final class FailingConsumer extends MockConsumer<String, Object> {
        private RuntimeException commitException;

        FailingConsumer() {
            super(AutoOffsetResetStrategy.EARLIEST.name());
        }

        void setCommitException(RuntimeException exception) {
            this.commitException = exception;
        }

        @Override
        public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
            if (commitException != null) {
                RuntimeException e = commitException;
                if (e instanceof OffsetMetadataTooLarge && offsets.values().stream().allMatch(o -> o.metadata().isEmpty())) {
                    super.commitSync(offsets, timeout);
                    return;
                }
                throw e;
            }
            super.commitSync(offsets, timeout);
        }
    }

    /** A committer of {@link #offsets} (metadata of at most 4,000 bytes), the consumer assigned {@link #p0}. */
    private OffsetCommitter assignedCommitter() {
        consumer.assign(List.of(p0));
        return committer(offsets);
    }

    private OffsetCommitter committer(InFlightOffsets inFlight) {
        return new OffsetCommitter(inFlight, new FinishedOffsetsCodec(4000), Duration.ofSeconds(1),
                Duration.ofSeconds(5), nanos::get);
    }

    /** Begins each record of {@code begun} on {@link #p0}, then finishes each of {@code finished}. */
    private void inFlight(List<Long> begun, List<Long> finished) {
        begun.forEach(offset -> offsets.begin(p0, offset));
        finished.forEach(offset -> offsets.finish(p0, offset));
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        return consumer.committed(Set.of(p0));
    }

    @Test
    void commitsTheLowestRecordInFlightWithTheFinishedOnesAboveItAndReadsThemBackOnAssignment() {
        OffsetCommitter committer = assignedCommitter();
        inFlight(List.of(10L, 11L, 12L), List.of(11L, 12L));

        committer.commitNow(consumer);

        OffsetAndMetadata commit = committed().get(p0);
        assertThat(commit.offset()).isEqualTo(10);
        assertThat(commit.metadata()).startsWith("pfo1;10;");

        // a restart: the new owner skips 11 and 12
        InFlightOffsets restarted = new InFlightOffsets();
        committer(restarted).assigned(consumer, List.of(p0));
        assertThat(restarted.begin(p0, 10)).isTrue();
        assertThat(restarted.begin(p0, 11)).isFalse();
        assertThat(restarted.begin(p0, 12)).isFalse();
    }

    @Test
    void commitsAtMostOncePerIntervalUnlessAskedToNow() {
        OffsetCommitter committer = assignedCommitter();
        inFlight(List.of(1L), List.of(1L));

        committer.commitIfDue(consumer);
        assertThat(committed()).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        committer.commitIfDue(consumer);
        assertThat(committed().get(p0).offset()).isEqualTo(2);
    }

    @Test
    void whenTheBrokerRefusesTheMetadataTheOffsetIsCommittedWithout() {
        OffsetCommitter committer = assignedCommitter();
        consumer.setCommitException(new OffsetMetadataTooLarge("too large"));
        inFlight(List.of(5L, 6L), List.of(6L));

        committer.commitNow(consumer);

        OffsetAndMetadata commit = committed().get(p0);
        assertThat(commit).isNotNull();
        assertThat(commit.offset()).isEqualTo(5);
        assertThat(commit.metadata()).isEmpty();
    }

    @Test
    void aFailedCommitIsTriedAgainNextTime() {
        OffsetCommitter committer = assignedCommitter();
        consumer.setCommitException(new org.apache.kafka.common.errors.TimeoutException("broker down"));
        inFlight(List.of(5L), List.of(5L));

        committer.commitNow(consumer);
        assertThat(committed()).isEmpty();

        consumer.setCommitException(null);
        committer.commitNow(consumer);
        assertThat(committed()).isEqualTo(Map.of(p0, new OffsetAndMetadata(6, "")));
    }
    /**
     * With {@code concurrency} above 1 the consumers share one committer: a consumer's commit must leave the other
     * consumers' partitions to them, not take their commit points and drop them.
     */
    @Test
    void aConsumerLeavesTheCommitsOfPartitionsAssignedToAnotherConsumer() {
        TopicPartition p1 = new TopicPartition("extraction-submitted", 1);
        FailingConsumer other = new FailingConsumer();
        other.assign(List.of(p1));
        OffsetCommitter committer = assignedCommitter();
        offsets.begin(p1, 3);
        offsets.finish(p1, 3);

        committer.commitNow(consumer);
        assertThat(committed()).isEmpty();

        committer.commitNow(other);
        assertThat(other.committed(Set.of(p1))).isEqualTo(Map.of(p1, new OffsetAndMetadata(4, "")));
    }
    /** One consumer's commit does not postpone another's: the interval is counted per consumer. */
    @Test
    void anotherConsumersCommitDoesNotPostponeThisOne() {
        TopicPartition p1 = new TopicPartition("extraction-submitted", 1);
        FailingConsumer other = new FailingConsumer();
        other.assign(List.of(p1));
        OffsetCommitter committer = assignedCommitter();
        inFlight(List.of(1L), List.of(1L));
        offsets.begin(p1, 3);
        offsets.finish(p1, 3);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        committer.commitIfDue(consumer);
        committer.commitIfDue(other);

        assertThat(committed().get(p0).offset()).isEqualTo(2);
        assertThat(other.committed(Set.of(p1))).isEqualTo(Map.of(p1, new OffsetAndMetadata(4, "")));
    }
}
