package org.invoicepipeline.upload.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.plan.RegistrationOrigin;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;

import static org.mockito.Mockito.mock;

/** The dead letter of a file that failed after planning reads like the planner's: same bytes, same headers. */
class SessionPublisherTest {

    private final SessionPublisher publisher = new SessionPublisher(mock(KafkaOperations.class), "parts",
            "files-registered", "results", true, Duration.ofSeconds(30), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final StageFailure failure = StageFailure.permanent("SOURCE_CHANGED", "file f-1 'a.pdf': the source changed");

    @Test
    void aPlanThatRecordedTheRegistrationDeadLettersItsOriginalBytesAndCoordinates() {
        byte[] original = "original registration bytes".getBytes(StandardCharsets.UTF_8);
        RegistrationOrigin origin = new RegistrationOrigin("files-registered", 2, 41, 1_700_000_000_000L, "batch-1",
                original, List.of(new RegistrationOrigin.OriginalHeader("trace", new byte[] {1, 2})));
        PlannedSession session = session(file(origin));

        ProducerRecord<Object, Object> dead = publisher.deadLetter(session, session.files().get(0), failure);

        assertThat(dead.topic()).isEqualTo("files-registered.DLT");
        assertThat(dead.key()).isEqualTo("batch-1");
        assertThat(dead.value()).isEqualTo(original);
        assertThat(header(dead, "trace")).containsExactly(1, 2);
        assertThat(utf8(header(dead, "kafka_dlt-original-topic"))).isEqualTo("files-registered");
        assertThat(ByteBuffer.wrap(header(dead, "kafka_dlt-original-partition")).getInt()).isEqualTo(2);
        assertThat(ByteBuffer.wrap(header(dead, "kafka_dlt-original-offset")).getLong()).isEqualTo(41);
        assertThat(ByteBuffer.wrap(header(dead, "kafka_dlt-original-timestamp")).getLong()).isEqualTo(1_700_000_000_000L);
        assertThat(utf8(header(dead, PipelineHeaders.ERROR_CODE))).isEqualTo("SOURCE_CHANGED");
        assertThat(utf8(header(dead, PipelineHeaders.ERROR_MESSAGE))).contains("f-1").contains("a.pdf");
        assertThat(utf8(header(dead, PipelineHeaders.STAGE))).isEqualTo("upload");
    }

    @Test
    void aPlanWrittenBeforeOriginsWereRecordedDeadLettersTheRebuiltRegistration() {
        PlannedSession session = session(file(null));

        ProducerRecord<Object, Object> dead = publisher.deadLetter(session, session.files().get(0), failure);

        assertThat(dead.topic()).isEqualTo("files-registered.DLT");
        assertThat(dead.value()).isInstanceOfSatisfying(FileRegistered.class, r -> assertThat(r.getFileId()).isEqualTo("f-1"));
        assertThat(utf8(header(dead, PipelineHeaders.ERROR_CODE))).isEqualTo("SOURCE_CHANGED");
    }

    private static PlannedFile file(RegistrationOrigin origin) {
        return new PlannedFile("f-1", "a.pdf", "a.pdf", "file:///in/a.pdf", "/in/a.pdf", 10, null, 0, Map.of("k", "v"),
                null, origin);
    }

    private static PlannedSession session(PlannedFile file) {
        return new PlannedSession("us-1", "std", "batch-1", 0, List.of(file));
    }

    private static byte[] header(ProducerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return header.value();
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
