package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.validation.ValidatedFile;
import org.junit.jupiter.api.Test;

class SessionBufferTest {

    private static final TopicPartition P0 = new TopicPartition("files", 0);
    private static final TopicPartition P1 = new TopicPartition("files", 1);

    @Test
    void aBatchIsDueAtTheFileLimitTheByteLimitOrAfterLingering() {
        SessionBuffer buffer = new SessionBuffer(3, 1_000, 500);
        buffer.add(P0, 0, file("a", "b1", 100), 0);
        buffer.add(P0, 1, file("b", "b1", 100), 10);
        assertThat(buffer.takeDue(100, false)).isEmpty();
        assertThat(buffer.lowestWaitingOffset(P0)).hasValue(0);

        buffer.add(P0, 2, file("c", "b1", 100), 20);
        assertThat(buffer.takeDue(100, false)).singleElement().satisfies(g -> assertThat(g.entries).hasSize(3));
        assertThat(buffer.lowestWaitingOffset(P0)).isEmpty();

        buffer.add(P1, 0, file("d", "b2", 600), 0);
        buffer.add(P1, 1, file("e", "b2", 600), 0);
        List<SessionBuffer.Group> bytesDue = buffer.takeDue(1, false);
        assertThat(bytesDue).singleElement().satisfies(g -> assertThat(g.entries).extracting(e -> e.file().event().getFileId())
                .containsExactly("d"));
        assertThat(buffer.lowestWaitingOffset(P1)).hasValue(1);
        assertThat(buffer.takeDue(499, false)).isEmpty();
        assertThat(buffer.takeDue(500, false)).hasSize(1);
    }

    @Test
    void aFileWithoutBatchKeyIsASessionOfItsOwnAndDuplicatesAreIgnored() {
        SessionBuffer buffer = new SessionBuffer(10, 10_000, 60_000);
        buffer.add(P0, 0, file("solo", null, 10), 0);
        buffer.add(P0, 1, file("x", "b", 10), 0);
        buffer.add(P0, 2, file("x", "b", 10), 0);

        assertThat(buffer.takeDue(0, false)).singleElement()
                .satisfies(g -> assertThat(g.key.batchKey()).isNull());
        assertThat(buffer.takeDue(0, true)).singleElement().satisfies(g -> assertThat(g.entries).hasSize(1));
    }

    @Test
    void aFileIdWaitsOnceWhateverGroupItNamesUntilItsGroupIsTaken() {
        SessionBuffer buffer = new SessionBuffer(10, 10_000, 60_000);
        assertThat(buffer.add(P0, 0, file("solo", null, 10), 0)).isTrue();
        assertThat(buffer.add(P0, 1, file("solo", null, 10), 0)).isFalse();
        assertThat(buffer.add(P0, 2, file("x", "b1", 10), 0)).isTrue();
        assertThat(buffer.add(P1, 0, file("x", "b2", 10), 0)).isFalse();
        assertThat(buffer.add(P1, 1, file("solo", "b2", 10), 0)).isFalse();

        assertThat(buffer.waitingGroupOf("x")).contains(new SessionBuffer.GroupKey("std", "b1"));
        assertThat(buffer.waitingGroupOf("solo")).contains(new SessionBuffer.GroupKey("std", null));
        assertThat(buffer.lowestWaitingOffset(P1)).isEmpty();
        assertThat(buffer.waitingFiles()).isEqualTo(2);

        assertThat(buffer.takeDue(0, true)).hasSize(2);
        assertThat(buffer.waitingGroupOf("x")).isEmpty();
        assertThat(buffer.waitingGroupOf("solo")).isEmpty();
    }

    @Test
    void plansNameSessionsDeterministicallyAndFileNamesUniquely() {
        SessionBuffer first = new SessionBuffer(10, 10_000, 0);
        first.add(P0, 0, file("a", "b", 10, "inv.pdf"), 0);
        first.add(P0, 1, file("b", "b", 10, "INV.pdf"), 0);
        SessionBuffer second = new SessionBuffer(10, 10_000, 0);
        second.add(P0, 5, file("b", "b", 10, "INV.pdf"), 0);
        second.add(P0, 6, file("a", "b", 10, "inv.pdf"), 0);

        PlannedSession one = SessionPlans.plan(first.takeDue(0, true).get(0), 0);
        PlannedSession two = SessionPlans.plan(second.takeDue(0, true).get(0), 0);

        assertThat(one.uploadSessionId()).isEqualTo(two.uploadSessionId()).matches("us-[0-9a-f]{40}");
        assertThat(one.files()).extracting(PlannedFile::sessionFileName).containsExactly("inv.pdf", "2_INV.pdf");
        PlannedSessionCodec codec = new PlannedSessionCodec();
        assertThat(codec.read(codec.write(one))).isEqualTo(one);
    }

    private static ValidatedFile file(String id, String batch, long size) {
        return file(id, batch, size, id + ".pdf");
    }

    private static ValidatedFile file(String id, String batch, long size, String name) {
        FileRegistered event = FileRegistered.newBuilder().setFileId(id).setFileName(name).setSourceUri("file:///in/" + name)
                .setBatchKey(batch).setProfile("std").setRegisteredAt(Instant.EPOCH).build();
        return new ValidatedFile(event, Path.of("/in/" + name), size);
    }
}
