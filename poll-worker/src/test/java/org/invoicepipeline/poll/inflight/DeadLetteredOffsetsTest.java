package org.invoicepipeline.poll.inflight;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** After the error handler dead-letters a record, the stage commits it itself (the container never commits). */
class DeadLetteredOffsetsTest {

    private final TopicPartition p0 = new TopicPartition("extraction-submitted", 0);
    private final InFlightOffsets offsets = new InFlightOffsets();
    private final MockConsumer<String, Object> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final DeadLetteredOffsets hook = new DeadLetteredOffsets(offsets, committer(offsets));

    @Test
    void aPoisonRecordLastOnItsPartitionIsCommittedPastAtOnce() {
        consumer.assign(List.of(p0));
        offsets.begin(p0, 4);
        offsets.finish(p0, 4);

        hook.deadLettered(poison(5), consumer);

        assertThat(consumer.committed(Set.of(p0)).get(p0).offset()).isEqualTo(6);
        assertThat(offsets.size()).isZero();
    }

    @Test
    void belowARecordInFlightItIsRecordedAsDoneSoARestartSkipsIt() {
        consumer.assign(List.of(p0));
        offsets.begin(p0, 3);

        hook.deadLettered(poison(5), consumer);

        OffsetAndMetadata commit = consumer.committed(Set.of(p0)).get(p0);
        assertThat(commit.offset()).isEqualTo(3);
        InFlightOffsets restarted = new InFlightOffsets();
        committer(restarted).assigned(consumer, List.of(p0));
        assertThat(restarted.begin(p0, 3)).isTrue();
        assertThat(restarted.begin(p0, 5)).as("the dead-lettered record is not delivered to the waiter again").isFalse();
    }

    private ConsumerRecord<String, Object> poison(long offset) {
        return new ConsumerRecord<>(p0.topic(), p0.partition(), offset, "key", null);
    }

    private static OffsetCommitter committer(InFlightOffsets offsets) {
        return new OffsetCommitter(offsets, new FinishedOffsetsCodec(4000), Duration.ofSeconds(1),
                Duration.ofSeconds(5), System::nanoTime);
    }
}
