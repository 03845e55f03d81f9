package org.invoicepipeline.poll.wait;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.poll.failure.CreditsCheck;
import org.invoicepipeline.poll.failure.ExtractionDeadline;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.invoicepipeline.poll.outcome.CompletedEvents;
import org.invoicepipeline.poll.outcome.OutcomePublisher;
import org.invoicepipeline.poll.outcome.Resubmitter;
import org.invoicepipeline.poll.questions.QuestionEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The scheduler around {@link PollPolicy}, against a mocked client and publisher: what ends a watch and commits it. */
class ExtractionWaiterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);
    private static final TopicPartition P0 = new TopicPartition("extraction-submitted", 0);

    private final InvoiceExtractionClient client = mock(InvoiceExtractionClient.class);
    private final OutcomePublisher publisher = mock(OutcomePublisher.class);
    private final Resubmitter resubmitter = mock(Resubmitter.class);
    private final InFlightOffsets offsets = new InFlightOffsets();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExtractionWaiter waiter = waiter();

    @AfterEach
    void close() {
        waiter.close();
    }

    @Test
    void aCompletedExtractionIsPublishedThenCommitted() throws Exception {
        when(client.getExtraction(eq("ex-1"), any())).thenReturn(
                new ExtractionStatus.Completed("ex-1", 1, null, null, null, null, null, null, null, null));

        waiter.watch(record(submitted(1)));

        assertReleased();
        ArgumentCaptor<ExtractionCompleted> completed = ArgumentCaptor.forClass(ExtractionCompleted.class);
        verify(publisher).completed(completed.capture());
        assertThat(completed.getValue().getStatus()).isEqualTo(ExtractionOutcome.COMPLETED);
        assertThat(offsets.isInFlight(P0, 0)).isFalse();
    }

    @Test
    void failedStatusCallsAreRetriedWithBackOffUntilTheStatusArrives() throws Exception {
        when(client.getExtraction(eq("ex-1"), any()))
                .thenThrow(new ApiTransportException(Operation.GET_EXTRACTION, "reset", null))
                .thenThrow(new ApiTransportException(Operation.GET_EXTRACTION, "reset", null))
                .thenReturn(new ExtractionStatus.Cancelled("ex-1", 0, null, null, null));

        waiter.watch(record(submitted(1)));

        assertReleased();
        verify(client, times(3)).getExtraction(eq("ex-1"), any());
        verify(publisher).completed(any());
    }

    @Test
    void anExtractionThatIsGoneFailsItsFilesAndIsDeadLettered() throws Exception {
        when(client.getExtraction(eq("ex-1"), any())).thenThrow(new ApiErrorException(Operation.GET_EXTRACTION, 404,
                "EXTRACTION_NOT_FOUND", "gone", false, null, null));

        waiter.watch(record(submitted(1)));

        assertReleased();
        ArgumentCaptor<StageFailure> failure = ArgumentCaptor.forClass(StageFailure.class);
        verify(publisher).giveUp(any(), any(), failure.capture(), eq(1));
        assertThat(failure.getValue().code()).isEqualTo("EXTRACTION_NOT_FOUND");
    }

    @Test
    void aRetryableFailureResubmitsTheSameFilesAfterTheDelayAndEndsThisRecord() throws Exception {
        ExtractionSubmitted first = submitted(1);
        ExtractionSubmitted next = ExtractionSubmitted.newBuilder(first).setExtractionId("ex-2").setAttempt(2).build();
        when(client.getExtraction(eq("ex-1"), any())).thenReturn(new ExtractionStatus.Failed("ex-1",
                new ApiError("INTERNAL_ERROR", "try again", false, null)));
        when(resubmitter.resubmit(first)).thenReturn(next);

        waiter.watch(record(first));

        assertReleased();
        verify(publisher).resubmitted(next);
        verify(publisher, never()).completed(any());
        verify(client, times(1)).getExtraction(eq("ex-1"), any());
    }

    @Test
    void anOutcomeThatCannotBePublishedKeepsTheRecordInFlightAndIsTriedAgain() throws Exception {
        when(client.getExtraction(eq("ex-1"), any())).thenReturn(new ExtractionStatus.Cancelled("ex-1", 0, null, null, null));
        doThrow(new IllegalStateException("broker down")).doNothing().when(publisher).completed(any());

        waiter.watch(record(submitted(1)));

        assertReleased();
        verify(publisher, times(2)).completed(any());
        assertThat(offsets.isInFlight(P0, 0)).isFalse();
    }

    private void assertReleased() throws InterruptedException {
        assertThat(released.await(10, TimeUnit.SECONDS)).as("the watch ended").isTrue();
    }

    private ExtractionWaiter waiter() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PollMetrics metrics = new PollMetrics(meters, offsets::size);
        ExtractionDeadline deadline = new ExtractionDeadline(Duration.ofHours(24));
        PollPolicy policy = new PollPolicy(new PollPolicy.Settings(3, Duration.ofMillis(10), Set.of("INTERNAL_ERROR"),
                Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(50)), deadline);
        ExtractionOutcomes outcomes = new ExtractionOutcomes(client, publisher, resubmitter, new CompletedEvents(CLOCK),
                new QuestionEvents(CLOCK), profile -> false, deadline, metrics, CLOCK);
        return new ExtractionWaiter(client, Duration.ofSeconds(1), 2, offsets, policy, outcomes,
                new CreditsCheck(client), metrics, released::countDown, CLOCK);
    }

    private static ConsumerRecord<String, ExtractionSubmitted> record(ExtractionSubmitted event) {
        return new ConsumerRecord<>(P0.topic(), P0.partition(), 0, event.getUploadSessionId(), event);
    }

    private static ExtractionSubmitted submitted(int attempt) {
        FileRef file = FileRef.newBuilder().setFileId("f-1").setApiFileId("api-f-1").setFileName("a.pdf")
                .setOriginalFileName("a.pdf").setSourceUri("file:///in/a.pdf").setSizeBytes(10)
                .setRegisteredAt(Instant.EPOCH).build();
        return ExtractionSubmitted.newBuilder().setUploadSessionId("session-1").setSubmissionId("sub-1")
                .setExtractionId("ex-1").setProfile("default").setAttempt(attempt)
                .setSubmittedAt(Instant.parse("2026-01-01T00:00:00Z")).setFiles(List.of(file)).build();
    }
}
