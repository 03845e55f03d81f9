package org.invoicepipeline.upload.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.plan.PlannedSessionCodec;
import org.junit.jupiter.api.Test;

class PlannedSessionDeadLetterResultsTest {

    private final PlannedSessionDeadLetterResults results =
            new PlannedSessionDeadLetterResults(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final StageFailure failure = StageFailure.permanent("TOTAL_UPLOAD_SIZE_LIMIT_EXCEEDED", "too large");

    @Test
    void aDeadLetteredPlanYieldsADeadLetteredResultPerFileNamingIt() {
        PlannedSession plan = new PlannedSession("us-9", "std", "b", 0, List.of(file("f-1", "a.pdf"), file("f-2", "b.pdf")));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("planned", 0, 3, "us-9",
                new PlannedSessionCodec().write(plan));

        List<ExtractionResult> published = results.resultsFor(record, failure);

        assertThat(published).extracting(ExtractionResult::getFileId).containsExactly("f-1", "f-2");
        assertThat(published).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
            assertThat(r.getUploadSessionId()).isEqualTo("us-9");
            assertThat(r.getResultId()).isEqualTo(r.getFileId() + "/us-9");
            assertThat(r.getError().getCode()).isEqualTo("TOTAL_UPLOAD_SIZE_LIMIT_EXCEEDED");
            assertThat(r.getError().getMessage()).contains(r.getFileId()).contains(r.getFileName()).contains("too large");
        });
    }

    @Test
    void aRecordThatIsNotAPlanNamesNoFile() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("planned", 0, 3, "x",
                "garbage".getBytes(StandardCharsets.UTF_8));

        assertThat(results.resultsFor(record, failure)).isEmpty();
    }

    private static PlannedFile file(String id, String name) {
        return new PlannedFile(id, name, name, "file:///in/" + name, "/in/" + name, 10, null, 0, Map.of());
    }
}
