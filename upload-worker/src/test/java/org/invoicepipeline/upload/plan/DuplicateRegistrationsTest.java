package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.validation.ValidatedFile;
import org.junit.jupiter.api.Test;

class DuplicateRegistrationsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PlannedFiles planned = new PlannedFiles();
    private final SessionBuffer buffer = new SessionBuffer(10, 10_000, 60_000);
    private final DuplicateRegistrations duplicates = new DuplicateRegistrations(planned, buffer, new UploadMetrics(meters));

    @Test
    void aFileAlreadyPlannedIsSkippedWhateverBatchOrProfileItNamesNow() {
        planned.add(new PlannedSession("us-1", "std", "b1", 0, List.of(new PlannedFile("f-1", "f.pdf", "f.pdf",
                "file:///in/f.pdf", "/in/f.pdf", 10, null, 0, null))));

        assertThat(duplicates.skip(record(), event("f-1", "std", "b1"))).isTrue();
        assertThat(duplicates.skip(record(), event("f-1", "other", null))).isTrue();
        assertThat(duplicates.skip(record(), event("f-2", "std", "b1"))).isFalse();
        assertThat(meters.get("pipeline.upload.files.duplicate").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aFileWaitingInTheBufferIsSkippedUntilItsPlanIsKnown() {
        FileRegistered first = event("f-3", "std", "b1");
        buffer.add(new TopicPartition("files", 0), 0, new ValidatedFile(first, Path.of("/in/f.pdf"), 10), 0);

        assertThat(duplicates.skip(record(), event("f-3", "std", "b2"))).isTrue();
        List<SessionBuffer.Group> due = buffer.takeDue(0, true);
        // taken by a flush that has not committed yet: still waiting
        assertThat(duplicates.skip(record(), first)).isTrue();
        planned.add(SessionPlans.plan(due.get(0), 0));
        buffer.confirm(due);
        assertThat(duplicates.skip(record(), first)).isTrue();
        assertThat(meters.get("pipeline.upload.files.duplicate").counter().count()).isEqualTo(3.0);
    }

    @Test
    void aReplayOfAPlannedFileIsNewWorkInASessionOfItsOwnButTheSameReplayAgainIsSkipped() {
        FileRegistered original = event("f-4", "std", null);
        buffer.add(new TopicPartition("files", 0), 0, new ValidatedFile(original, Path.of("/in/f.pdf"), 10), 0);
        List<SessionBuffer.Group> first = buffer.takeDue(0, true);
        PlannedSession originalPlan = SessionPlans.plan(first.get(0), 0);
        planned.add(originalPlan);
        buffer.confirm(first);
        FileRegistered replay = FileRegistered.newBuilder(original).setRetryGeneration(1).build();

        assertThat(duplicates.skip(record(), replay)).isFalse();
        buffer.add(new TopicPartition("files", 0), 1, new ValidatedFile(replay, Path.of("/in/f.pdf"), 10), 0);
        assertThat(duplicates.skip(record(), replay)).as("the same replay while waiting").isTrue();
        List<SessionBuffer.Group> second = buffer.takeDue(0, true);
        PlannedSession replayPlan = SessionPlans.plan(second.get(0), 0);
        planned.add(replayPlan);
        buffer.confirm(second);

        assertThat(replayPlan.uploadSessionId()).isNotEqualTo(originalPlan.uploadSessionId());
        assertThat(replayPlan.files().get(0).retryGeneration()).isEqualTo(1);
        assertThat(duplicates.skip(record(), replay)).as("the same replay once planned").isTrue();
        assertThat(duplicates.skip(record(), original)).isTrue();
        assertThat(duplicates.skip(record(), FileRegistered.newBuilder(original).setRetryGeneration(2).build())).isFalse();
    }

    @Test
    void generationZeroKeepsTheSessionIdOfBefore() {
        FileRegistered original = event("f-5", "std", "b9");
        buffer.add(new TopicPartition("files", 0), 0, new ValidatedFile(original, Path.of("/in/f.pdf"), 10), 0);

        PlannedSession plan = SessionPlans.plan(buffer.takeDue(0, true).get(0), 0);

        assertThat(plan.uploadSessionId()).isEqualTo(UploadSessionIds.of("std", "b9", List.of("f-5")));
    }

    private static ConsumerRecord<String, byte[]> record() {
        return new ConsumerRecord<>("files", 0, 7, "key", new byte[0]);
    }

    private static FileRegistered event(String fileId, String profile, String batchKey) {
        return FileRegistered.newBuilder().setFileId(fileId).setFileName("f.pdf").setSourceUri("file:///in/f.pdf")
                .setBatchKey(batchKey).setProfile(profile).setRegisteredAt(Instant.EPOCH).build();
    }
}
