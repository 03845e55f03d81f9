package org.invoicepipeline.common.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageFlowTest {

    private static final Instant REGISTERED = Instant.parse("2026-07-01T09:00:00Z");
    private static final Instant NOW = REGISTERED.plusSeconds(100);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StageFlow flow = new StageFlow("submit", () -> registry, 10, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void timesEachFileFromItsInputRecordToTheStagesOutputAndFromRegistration() {
        PartsUploaded session = session("f1", "f2");
        flow.received("parts-uploaded", REGISTERED.plusSeconds(40).toEpochMilli(), session);
        flow.sending("extraction-submitted", session);
        flow.written("extraction-submitted");

        assertThat(registry.get(StageFlow.RECORDS_IN).tags("stage", "submit", "topic", "parts-uploaded").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(StageFlow.RECORDS_OUT).tags("topic", "extraction-submitted").counter().count()).isEqualTo(1);
        var duration = registry.get(StageFlow.STAGE_DURATION).tag("stage", "submit").timer();
        assertThat(duration.count()).isEqualTo(2);
        assertThat(duration.max(TimeUnit.SECONDS)).isEqualTo(60);
        var age = registry.get(StageFlow.FILE_AGE).tag("topic", "extraction-submitted").timer();
        assertThat(age.max(TimeUnit.SECONDS)).isEqualTo(100);
    }

    @Test
    void aFileNotReadAsAnEventEnteredTheStageWhenItWasRegistered() {
        // The upload stage reads registrations as raw bytes (planner): its stage time starts at registered_at.
        flow.received("upload-sessions-planned", NOW.toEpochMilli(), new byte[] {1, 2});
        flow.sending("parts-uploaded", session("f1"));

        assertThat(registry.get(StageFlow.STAGE_DURATION).timer().max(TimeUnit.SECONDS)).isEqualTo(100);
    }

    @Test
    void readsTheFilesOfEveryEventShape() {
        FileRegistered registered = FileRegistered.newBuilder().setFileId("f9").setSourceUri("file:///x.pdf")
                .setFileName("x.pdf").setProfile("invoices").setRegisteredAt(REGISTERED).build();

        assertThat(FileTimes.of(registered)).containsExactly(new FileTimes.FileTime("f9", REGISTERED));
        assertThat(FileTimes.of(session("a", "b"))).extracting(FileTimes.FileTime::fileId).containsExactly("a", "b");
        assertThat(FileTimes.of("not an event")).isEmpty();
        assertThat(FileTimes.of(new byte[0])).isEmpty();
    }

    private static PartsUploaded session(String... fileIds) {
        List<FileRef> files = java.util.Arrays.stream(fileIds).map(id -> FileRef.newBuilder().setFileId(id)
                .setApiFileId("api-" + id).setFileName(id + ".pdf").setOriginalFileName(id + ".pdf")
                .setSourceUri("file:///" + id + ".pdf").setSizeBytes(10).setRegisteredAt(REGISTERED).build()).toList();
        return PartsUploaded.newBuilder().setUploadSessionId("us-1").setProfile("invoices").setFiles(files)
                .setUploadedAt(NOW).build();
    }
}
