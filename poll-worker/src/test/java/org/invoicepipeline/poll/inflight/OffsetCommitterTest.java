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

    private OffsetCommitter committer(int maxBytes) {
        return new OffsetCommitter(offsets, new FinishedOffsetsCodec(maxBytes), Duration.ofSeconds(1),
                Duration.ofSeconds(5), nanos::get);
    }

    @Test
    void commitsTheLowestRecordInFlightWithTheFinishedOnesAboveItAndReadsThemBackOnAssignment() {
        OffsetCommitter committer = committer(4000);
        consumer.assign(List.of(p0));
        offsets.begin(p0, 10);
        offsets.begin(p0, 11);
        offsets.begin(p0, 12);
        offsets.finish(p0, 11);
        offsets.finish(p0, 12);

        committer.commitNow(consumer);

        OffsetAndMetadata commit = consumer.committed(Set.of(p0)).get(p0);
        assertThat(commit.offset()).isEqualTo(10);
        assertThat(commit.metadata()).startsWith("pfo1;10;");

        // a restart: the new owner skips 11 and 12
        InFlightOffsets restarted = new InFlightOffsets();
        new OffsetCommitter(restarted, new FinishedOffsetsCodec(4000), Duration.ofSeconds(1), Duration.ofSeconds(5),
                nanos::get).assigned(consumer, List.of(p0));
        assertThat(restarted.begin(p0, 10)).isTrue();
        assertThat(restarted.begin(p0, 11)).isFalse();
        assertThat(restarted.begin(p0, 12)).isFalse();
    }

    @Test
    void commitsAtMostOncePerIntervalUnlessAskedToNow() {
        OffsetCommitter committer = committer(4000);
        consumer.assign(List.of(p0));
        offsets.begin(p0, 1);
        offsets.finish(p0, 1);

        committer.commitIfDue(consumer);
        assertThat(consumer.committed(Set.of(p0))).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        committer.commitIfDue(consumer);
        assertThat(consumer.committed(Set.of(p0)).get(p0).offset()).isEqualTo(2);
    }

    @Test
    void whenTheBrokerRefusesTheMetadataTheOffsetIsCommittedWithout() {
        OffsetCommitter committer = committer(4000);
        consumer.assign(List.of(p0));
        consumer.setCommitException(new OffsetMetadataTooLarge("too large"));
        offsets.begin(p0, 5);
        offsets.begin(p0, 6);
        offsets.finish(p0, 6);

        committer.commitNow(consumer);

        OffsetAndMetadata commit = consumer.committed(Set.of(p0)).get(p0);
        assertThat(commit).isNotNull();
        assertThat(commit.offset()).isEqualTo(5);
        assertThat(commit.metadata()).isEmpty();
    }

    @Test
    void aFailedCommitIsTriedAgainNextTime() {
        OffsetCommitter committer = committer(4000);
        consumer.assign(List.of(p0));
        consumer.setCommitException(new org.apache.kafka.common.errors.TimeoutException("broker down"));
        offsets.begin(p0, 5);
        offsets.finish(p0, 5);

        committer.commitNow(consumer);
        assertThat(consumer.committed(Set.of(p0))).isEmpty();

        consumer.setCommitException(null);
        committer.commitNow(consumer);
        assertThat(consumer.committed(Set.of(p0))).isEqualTo(Map.of(p0, new OffsetAndMetadata(6, "")));
    }
}
