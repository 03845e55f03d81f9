package org.invoicepipeline.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.common.events.DeadLetteredResults;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.ResultStatus;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;

/** The stage error handler's recovery, against a mocked template: results first, then the dead letter. */
class StageErrorHandlersTest {

    private static final String TOPIC = "extraction-completed";
    private static final String RESULTS = "extraction-results";

    @SuppressWarnings("unchecked")
    private final KafkaOperations<Object, Object> template = mock(KafkaOperations.class);

    /** One DEAD_LETTERED result per file of the decoded ExtractionCompleted; none for raw bytes. */
    private final DeadLetterResults deadLetterResults = (record, failure) -> {
        if (!(record.value() instanceof ExtractionCompleted completed)) {
            return List.of();
        }
        return DeadLetteredResults.of(completed.getFiles(),
                new DeadLetteredResults.Origin(completed.getProfile(), completed.getBatchKey(),
                        completed.getUploadSessionId(), completed.getSubmissionId(), completed.getExtractionId()),
                new ErrorInfo(failure.code(), failure.message(), failure.retryable(), null), Instant.EPOCH);
    };

    private DefaultErrorHandler handler(StageErrorHandling handling) {
        return StageErrorHandlers.create(handling, template, mock(ListenerContainerPauseService.class), null);
    }

    private StageErrorHandling handling() {
        // 3 deliveries, millisecond back-offs slept on the calling thread
        return new StageErrorHandling("download",
                new StageRetryOptions(Duration.ofMillis(1), 2.0, Duration.ofMillis(4), 3, Duration.ofSeconds(1)))
                .withDeadLetterResults(RESULTS, deadLetterResults);
    }

    @Test
    void publishesTheDeadLetteredResultsOfTheRecordsFilesBeforeItsDeadLetter() {
        sendsSucceed();
        ConsumerRecord<String, Object> record = decoded(completedWithTwoFiles());

        boolean recovered = handler(handling()).handleOne(rejected(), record, mock(Consumer.class),
                mock(MessageListenerContainer.class));

        assertThat(recovered).isTrue();
        ArgumentCaptor<Object> results = ArgumentCaptor.forClass(Object.class);
        InOrder order = inOrder(template);
        order.verify(template, times(2)).send(eq(RESULTS), anyString(), results.capture());
        order.verify(template).send(any(ProducerRecord.class));
        assertThat(results.getAllValues()).allSatisfy(result -> {
            assertThat(((ExtractionResult) result).getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
            assertThat(((ExtractionResult) result).getError().getCode()).isEqualTo("EXTRACTION_NOT_FOUND");
        });
        assertThat(results.getAllValues()).extracting(r -> ((ExtractionResult) r).getFileName())
                .containsExactlyInAnyOrder("a.pdf", "b.pdf");
    }

    @Test
    void aFailedResultsSendFailsTheRecoverySoTheRecordIsDeliveredAgainAndNotDeadLettered() {
        when(template.send(anyString(), any(), any()))
                .thenReturn(CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("down")));
        ConsumerRecord<String, Object> record = decoded(completedWithTwoFiles());

        boolean recovered = handler(handling()).handleOne(rejected(), record, mock(Consumer.class),
                mock(MessageListenerContainer.class));

        assertThat(recovered).as("not recovered: the container redelivers it and commits nothing").isFalse();
        verify(template, never()).send(any(ProducerRecord.class));
    }

    @Test
    void theDeadLetterKeepsTheOriginalBytesTheOriginHeadersAndNamesTheFiles() {
        sendsSucceed();
        ExtractionCompleted completed = completedWithTwoFiles();
        byte[] original = new EventSerializer<ExtractionCompleted>().serialize(TOPIC, completed);
        ConsumerRecord<String, Object> record = decoded(original);

        handler(handling()).handleOne(rejected(), record, mock(Consumer.class), mock(MessageListenerContainer.class));

        ProducerRecord<Object, Object> deadLetter = sentDeadLetter();
        assertThat(deadLetter.topic()).isEqualTo(TOPIC + ".DLT");
        assertThat(deadLetter.key()).isEqualTo("sess-1");
        assertThat(deadLetter.value()).as("the original bytes, not a re-serialization").isEqualTo(original);
        Headers headers = deadLetter.headers();
        assertThat(PipelineHeaders.lastValue(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC)).contains(TOPIC);
        assertThat(ByteBuffer.wrap(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong()).isEqualTo(42L);
        assertThat(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)).isNotNull();
        assertThat(PipelineHeaders.lastValue(headers, PipelineHeaders.STAGE)).contains("download");
        assertThat(PipelineHeaders.lastValue(headers, PipelineHeaders.ERROR_CODE)).contains("EXTRACTION_NOT_FOUND");
        assertThat(PipelineHeaders.lastValue(headers, PipelineHeaders.ERROR_RETRYABLE)).contains("false");
        assertThat(PipelineHeaders.lastValue(headers, PipelineHeaders.ATTEMPTS)).contains("1");
        assertThat(PipelineHeaders.lastValue(headers, PipelineHeaders.ERROR_MESSAGE)).hasValueSatisfying(message ->
                assertThat(message).contains("gone").contains("a.pdf").contains("b.pdf"));
        assertThat(headers.lastHeader(OriginalValueDeserializer.HEADER)).as("consumer-side only").isNull();
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAsItsRawBytesWithoutResults() {
        sendsSucceed();
        byte[] garbage = {1, 2, 3};
        Headers headers = new RecordHeaders();
        Object value = ErrorHandlingDeserializers.wrap(new EventDeserializer<>(ExtractionCompleted.class))
                .deserialize(TOPIC, headers, garbage);
        ConsumerRecord<String, Object> record = record(value, headers);

        handler(handling()).handleOne(new RuntimeException("listener never ran", deserializationFailure(headers)),
                record, mock(Consumer.class), mock(MessageListenerContainer.class));

        verify(template, never()).send(anyString(), any(), any());
        assertThat(sentDeadLetter().value()).isEqualTo(garbage);
    }

    @Test
    void infrastructureFailuresOfAStageRetryingThemWithoutLimitAreNeverDeadLettered() {
        sendsSucceed();
        DefaultErrorHandler handler = handler(handling().withRetryWithoutLimit(RetryWithoutLimit.INFRASTRUCTURE));
        ConsumerRecord<String, Object> record = decoded(completedWithTwoFiles());
        Exception unreachable = new ApiTransportException(Operation.GET_OUTPUT_DOWNLOAD_URL, "no answer",
                new java.io.IOException("refused"));

        for (int delivery = 1; delivery <= 20; delivery++) {
            assertThat(handler.handleOne(unreachable, record, mock(Consumer.class), mock(MessageListenerContainer.class)))
                    .as("delivery %d is held, not recovered", delivery).isFalse();
        }
        verify(template, never()).send(any(ProducerRecord.class));
        verify(template, never()).send(anyString(), any(), any());
    }

    @Test
    void withoutThatPolicyOrForAnUnrecognisedFailureRetriesRunOutAndTheRecordIsDeadLettered() {
        sendsSucceed();
        Exception unreachable = new ApiTransportException(Operation.GET_OUTPUT_DOWNLOAD_URL, "no answer",
                new java.io.IOException("refused"));
        assertThat(deliveriesUntilRecovered(handler(handling()), unreachable)).isEqualTo(3);

        DefaultErrorHandler infrastructureOnly = handler(handling().withRetryWithoutLimit(RetryWithoutLimit.INFRASTRUCTURE));
        assertThat(deliveriesUntilRecovered(infrastructureOnly, new IllegalStateException("a bug")))
                .as("PROCESSING_FAILED is bounded").isEqualTo(3);
    }

    @Test
    void theBackOffOfAFailureRetriedWithoutLimitGrowsToMaxIntervalAndNeverStops() {
        var options = new StageRetryOptions(Duration.ofMillis(100), 2.0, Duration.ofMillis(400), 2, Duration.ofSeconds(1));
        var execution = StageErrorHandlers.backOffFor(new java.io.UncheckedIOException(new java.io.IOException("disk")),
                options, RetryWithoutLimit.INFRASTRUCTURE).start();

        assertThat(execution.nextBackOff()).isEqualTo(100);
        assertThat(execution.nextBackOff()).isEqualTo(200);
        for (int i = 0; i < 1_000; i++) {
            assertThat(execution.nextBackOff()).isEqualTo(400);
        }
    }

    @Test
    void aRefusedApiKeyIsHeldByAStageThatSaysSoAndDeadLetteredByOthers() {
        var revoked = new org.invoicepipeline.client.AuthenticationException(Operation.GET_EXTRACTION_RESULTS,
                "API_KEY_REVOKED", "revoked", null);
        var options = StageRetryOptions.defaults();

        assertThat(StageErrorHandlers.backOffFor(revoked, options).start().nextBackOff())
                .isEqualTo(org.springframework.util.backoff.BackOffExecution.STOP);
        var held = StageErrorHandlers.backOffFor(revoked, options,
                RetryWithoutLimit.INFRASTRUCTURE.or(RetryWithoutLimit.KEY_REFUSED)).start();
        for (int i = 0; i < 100; i++) {
            assertThat(held.nextBackOff()).isPositive();
        }
        assertThat(StageErrorHandlers.backOffFor(new RecordRejectedException("X", "bad"), options,
                RetryWithoutLimit.INFRASTRUCTURE.or(RetryWithoutLimit.KEY_REFUSED)).start().nextBackOff())
                .as("a genuinely permanent failure still dead-letters at once")
                .isEqualTo(org.springframework.util.backoff.BackOffExecution.STOP);
    }

    private int deliveriesUntilRecovered(DefaultErrorHandler handler, Exception failure) {
        ConsumerRecord<String, Object> record = decoded(completedWithTwoFiles());
        for (int delivery = 1; delivery <= 10; delivery++) {
            if (handler.handleOne(failure, record, mock(Consumer.class), mock(MessageListenerContainer.class))) {
                return delivery;
            }
        }
        return -1;
    }

    @Test
    void theStagesHookRunsAfterTheDeadLetterWithTheRecordAndTheConsumer() {
        sendsSucceed();
        ConsumerRecord<String, Object> record = decoded(completedWithTwoFiles());
        Consumer<?, ?> consumer = mock(Consumer.class);
        AfterDeadLetter hook = mock(AfterDeadLetter.class);

        boolean recovered = handler(handling().withAfterDeadLetter(hook)).handleOne(rejected(), record, consumer,
                mock(MessageListenerContainer.class));

        assertThat(recovered).isTrue();
        InOrder order = inOrder(template, hook);
        order.verify(template).send(any(ProducerRecord.class));
        order.verify(hook).deadLettered(record, consumer);
    }

    @Test
    void theHookDoesNotRunWhenTheRecordCouldNotBeDeadLettered() {
        when(template.send(anyString(), any(), any()))
                .thenReturn(CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("down")));
        AfterDeadLetter hook = mock(AfterDeadLetter.class);

        boolean recovered = handler(handling().withAfterDeadLetter(hook)).handleOne(rejected(),
                decoded(completedWithTwoFiles()), mock(Consumer.class), mock(MessageListenerContainer.class));

        assertThat(recovered).isFalse();
        verify(hook, never()).deadLettered(any(), any());
    }

    // ---- fixture ----------------------------------------------------------------------------------------------

    private void sendsSucceed() {
        when(template.send(anyString(), any(), any())).thenReturn(CompletableFuture.completedFuture(null));
        when(template.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            ProducerRecord<Object, Object> sent = invocation.getArgument(0);
            return CompletableFuture.completedFuture(new SendResult<>(sent,
                    new RecordMetadata(new TopicPartition(sent.topic(), 0), 0, 0, 0, 0, 0)));
        });
    }

    @SuppressWarnings("unchecked")
    private ProducerRecord<Object, Object> sentDeadLetter() {
        ArgumentCaptor<ProducerRecord<Object, Object>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(template).send(sent.capture());
        return sent.getValue();
    }

    private static RecordRejectedException rejected() {
        return new RecordRejectedException("EXTRACTION_NOT_FOUND", "the extraction is gone");
    }

    private static Exception deserializationFailure(Headers headers) {
        var header = headers.lastHeader(org.springframework.kafka.support.serializer.SerializationUtils
                .VALUE_DESERIALIZER_EXCEPTION_HEADER);
        assertThat(header).as("the deserializer reported the failure").isNotNull();
        return org.springframework.kafka.support.serializer.SerializationUtils.byteArrayToDeserializationException(
                null, header);
    }

    private static ExtractionCompleted completedWithTwoFiles() {
        FileRef template = SampleEvents.fileRef();
        return ExtractionCompleted.newBuilder(SampleEvents.extractionCompleted())
                .setUploadSessionId("sess-1")
                .setFiles(List.of(
                        FileRef.newBuilder(template).setFileId("f-a").setFileName("a.pdf").setOriginalFileName("a.pdf").build(),
                        FileRef.newBuilder(template).setFileId("f-b").setFileName("b.pdf").setOriginalFileName("b.pdf").build()))
                .build();
    }

    private static ConsumerRecord<String, Object> decoded(ExtractionCompleted completed) {
        return decoded(new EventSerializer<ExtractionCompleted>().serialize(TOPIC, completed));
    }

    /** What a stage's consumer delivers: the value decoded through the stage's deserializer wiring. */
    private static ConsumerRecord<String, Object> decoded(byte[] bytes) {
        Headers headers = new RecordHeaders();
        Object value = ErrorHandlingDeserializers.wrap(new EventDeserializer<>(ExtractionCompleted.class))
                .deserialize(TOPIC, headers, bytes);
        return record(value, headers);
    }

    private static ConsumerRecord<String, Object> record(Object value, Headers headers) {
        return new ConsumerRecord<>(TOPIC, 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, "sess-1", value, headers,
                Optional.empty());
    }
}
