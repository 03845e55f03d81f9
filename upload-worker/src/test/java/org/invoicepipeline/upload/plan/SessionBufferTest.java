package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        List<SessionBuffer.Group> full = buffer.takeDue(100, false);
        assertThat(full).singleElement().satisfies(g -> assertThat(g.entries).hasSize(3));
        assertThat(buffer.lowestWaitingOffset(P0, full)).isEmpty();
        buffer.confirm(full);
        assertThat(buffer.lowestWaitingOffset(P0)).isEmpty();

        buffer.add(P1, 0, file("d", "b2", 600), 0);
        buffer.add(P1, 1, file("e", "b2", 600), 0);
        List<SessionBuffer.Group> bytesDue = buffer.takeDue(1, false);
        assertThat(bytesDue).singleElement().satisfies(g -> assertThat(g.entries).extracting(e -> e.file().event().getFileId())
                .containsExactly("d"));
        assertThat(buffer.lowestWaitingOffset(P1, bytesDue)).hasValue(1);
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

        List<SessionBuffer.Group> taken = buffer.takeDue(0, true);
        assertThat(taken).hasSize(2);
        assertThat(buffer.waitingGroupOf("x")).isPresent();
        buffer.confirm(taken);
        assertThat(buffer.waitingGroupOf("x")).isEmpty();
        assertThat(buffer.waitingGroupOf("solo")).isEmpty();
    }

    @Test
    void groupsTakenByAFlushStillHoldTheOffsetsUntilTheFlushIsConfirmed() {
        SessionBuffer buffer = new SessionBuffer(10, 10_000, 0);
        buffer.add(P0, 4, file("a", "b1", 10), 0);
        buffer.add(P0, 7, file("b", "b2", 10), 0);
        List<SessionBuffer.Group> taken = buffer.takeDue(0, true);

        // a flush that did not commit: its groups still wait, for any later flush
        assertThat(buffer.lowestWaitingOffset(P0)).hasValue(4);
        assertThat(buffer.lowestWaitingOffset(P0, taken.subList(0, 1))).hasValue(7);
        assertThat(buffer.waitingFiles()).isEqualTo(2);
        assertThat(buffer.add(P0, 9, file("a", "b1", 10), 0)).isFalse();

        buffer.confirm(taken);
        assertThat(buffer.lowestWaitingOffset(P0)).isEmpty();
        assertThat(buffer.waitingFiles()).isZero();
    }

    @Test
    void aGroupIsSplitBeforeItsEncodedPlanWouldExceedTheBudget() {
        PlanBudget budget = new PlanBudget(20_000);
        SessionBuffer buffer = new SessionBuffer(500, 1L << 40, budget.maxPlanBytes(), budget::envelopeBytes, 60_000);
        String note = "n".repeat(2_500);
        for (int i = 0; i < 40; i++) {
            ValidatedFile valid = file("f-" + i, "big", 10, Map.of("note", note));
            long entryBytes = budget.entryBytes(SessionPlans.file(valid, valid.event().getFileName(), null));
            assertThat(budget.fitsAlone(SessionBuffer.GroupKey.of(valid.event()), entryBytes)).isTrue();
            buffer.add(new SessionBuffer.Entry(P0, i, valid, entryBytes, null), 0);
        }

        List<SessionBuffer.Group> groups = buffer.takeDue(0, true);

        assertThat(groups).hasSizeGreaterThan(5);
        PlannedSessionCodec codec = new PlannedSessionCodec();
        assertThat(groups).allSatisfy(g -> assertThat(codec.write(SessionPlans.plan(g, Long.MAX_VALUE)).length)
                .isLessThanOrEqualTo(20_000));
        assertThat(groups.stream().mapToInt(g -> g.entries.size()).sum()).isEqualTo(40);
        ValidatedFile huge = file("huge", "big", 10, Map.of("note", "h".repeat(30_000)));
        assertThat(budget.fitsAlone(SessionBuffer.GroupKey.of(huge.event()),
                budget.entryBytes(SessionPlans.file(huge, "huge.pdf", null)))).isFalse();
    }

    @Test
    void plansWrittenBeforeDigestsAndOriginsWereRecordedStillRead() {
        String old = """
                {"uploadSessionId":"us-1","profile":"std","batchKey":"b","plannedAt":5,"files":[{"fileId":"f",
                "sessionFileName":"a.pdf","originalFileName":"a.pdf","sourceUri":"file:///in/a.pdf","path":"/in/a.pdf",
                "sizeBytes":3,"contentType":null,"registeredAt":0,"attributes":{"k":"v"}}]}""";

        PlannedSession plan = new PlannedSessionCodec().read(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(plan.files()).singleElement().satisfies(f -> {
            assertThat(f.sha256()).isNull();
            assertThat(f.origin()).isNull();
            assertThat(f.attributes()).containsEntry("k", "v");
        });
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

    private static ValidatedFile file(String id, String batch, long size, Map<String, String> attributes) {
        FileRegistered event = FileRegistered.newBuilder().setFileId(id).setFileName(id + ".pdf")
                .setSourceUri("file:///in/" + id + ".pdf").setBatchKey(batch).setProfile("std")
                .setRegisteredAt(Instant.EPOCH).setAttributes(attributes).build();
        return new ValidatedFile(event, Path.of("/in/" + id + ".pdf"), size, "ab".repeat(32));
    }
}
