package org.invoicepipeline.common.ratelimit.share;

import io.github.bucket4j.TimeMeter;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.common.kafka.StageNames;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Rebalances of mocked consumers re-divide the key's limits among the stages of the JVM. */
class StageShareRebalanceListenerTest {

    private static final String TOPIC = "upload-sessions-planned";

    private final PartitionSharePermits permits = new PartitionSharePermits(RateLimits.documented().withScale(60),
            Aimd.halving(0.1), TimeMeter.SYSTEM_NANOTIME, 0);
    private final RateLimitSharing sharing = new RateLimitSharing(new GroupDivision(0.1), permits, null, "test");
    @SuppressWarnings("unchecked")
    private final Consumer<Object, Object> consumer = mock(Consumer.class);

    StageShareRebalanceListenerTest() {
        List<PartitionInfo> twelve = IntStream.range(0, 12)
                .mapToObj(p -> new PartitionInfo(TOPIC, p, null, null, null)).toList();
        when(consumer.partitionsFor(any(String.class))).thenReturn(twelve);
    }

    @Test
    void ownedPartitionsSetTheShareOnEveryRebalance() {
        StageShareRebalanceListener listener = new StageShareRebalanceListener(null, sharing.register(StageNames.UPLOAD));
        assertThat(permits.share(EndpointGroup.UPLOADS)).as("before any assignment").isLessThan(0.001);

        listener.onPartitionsAssigned(consumer, partitions(0, 1, 2, 3)); // one of three members
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(1.0 / 3, within(1e-9));

        listener.onPartitionsAssigned(consumer, partitions(4, 5)); // a member died: cooperative, two more
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(0.5, within(1e-9));

        listener.onPartitionsRevokedBeforeCommit(consumer, partitions(0, 1));
        assertThat(permits.share(EndpointGroup.UPLOADS)).as("still owned until committed").isCloseTo(0.5, within(1e-9));
        listener.onPartitionsRevokedAfterCommit(consumer, partitions(0, 1));
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(1.0 / 3, within(1e-9));

        listener.onPartitionsLost(consumer, partitions(2, 3, 4, 5));
        assertThat(permits.share(EndpointGroup.UPLOADS)).isLessThan(0.001);
        assertThat(permits.share(EndpointGroup.SUBMIT)).as("groups no stage of the JVM draws on").isEqualTo(1.0);
    }

    @Test
    void twoConsumersOfOneContainerAddUp() {
        StageShareRebalanceListener listener = new StageShareRebalanceListener(null, sharing.register(StageNames.POLL));
        listener.onPartitionsAssigned(consumer, partitions(0, 1, 2));
        listener.onPartitionsAssigned(consumer, partitions(3, 4, 5)); // the container's second consumer thread
        assertThat(permits.share(EndpointGroup.STATUS)).isCloseTo(0.5, within(1e-9));
        assertThat(permits.share(EndpointGroup.SUBMIT)).as("poll's resubmission part").isCloseTo(0.05, within(1e-9));
    }

    @Test
    void stagesOfOneJvmAddTheirWeightsInASharedGroup() {
        new StageShareRebalanceListener(null, sharing.register(StageNames.SUBMIT))
                .onPartitionsAssigned(consumer, partitions(IntStream.range(0, 12).toArray()));
        StageShareRebalanceListener poll = new StageShareRebalanceListener(null, sharing.register(StageNames.POLL));
        poll.onPartitionsAssigned(consumer, partitions(0, 1, 2, 3, 4, 5));
        assertThat(permits.share(EndpointGroup.SUBMIT)).isCloseTo(0.9 + 0.1 * 0.5, within(1e-9));
        poll.onPartitionsLost(consumer, partitions(0, 1, 2, 3, 4, 5));
        assertThat(permits.share(EndpointGroup.SUBMIT)).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void aClosedStageLeavesTheDivision() {
        StageShare upload = sharing.register(StageNames.UPLOAD);
        new StageShareRebalanceListener(null, upload).onPartitionsAssigned(consumer, partitions(0, 1, 2, 3, 4, 5));
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(0.5, within(1e-9));
        StageShare otherUpload = sharing.register(StageNames.UPLOAD); // another upload container of the JVM
        new StageShareRebalanceListener(null, otherUpload).onPartitionsAssigned(consumer, partitions(6, 7, 8));
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(0.75, within(1e-9));
        upload.close();
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void theStagesOwnListenerIsCalledFirstWithEveryCallback() {
        ConsumerAwareRebalanceListener own = mock(ConsumerAwareRebalanceListener.class);
        StageShareRebalanceListener listener = new StageShareRebalanceListener(own, sharing.register(StageNames.POLL));
        List<TopicPartition> some = partitions(0, 1);
        listener.onPartitionsAssigned(consumer, some);
        listener.onPartitionsRevokedBeforeCommit(consumer, some);
        listener.onPartitionsRevokedAfterCommit(consumer, some);
        listener.onPartitionsLost(consumer, some);
        InOrder order = inOrder(own);
        order.verify(own).onPartitionsAssigned(consumer, some);
        order.verify(own).onPartitionsRevokedBeforeCommit(consumer, some);
        order.verify(own).onPartitionsRevokedAfterCommit(consumer, some);
        order.verify(own).onPartitionsLost(consumer, some);
    }

    private static List<TopicPartition> partitions(int... numbers) {
        return IntStream.of(numbers).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
    }
}
