package org.invoicepipeline.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

class KafkaSendsTest {

    @SuppressWarnings("unchecked")
    private final KafkaOperations<String, String> template = mock(KafkaOperations.class);
    private final ProducerRecord<String, String> record = new ProducerRecord<>("events", "k", "v");

    @Test
    void returnsTheAcknowledgement() {
        SendResult<String, String> result = new SendResult<>(record, null);
        when(template.send(record)).thenReturn(CompletableFuture.completedFuture(result));

        assertThat(KafkaSends.sendAndAwait(template, record, Duration.ofSeconds(1))).isSameAs(result);
    }

    @Test
    void aRefusedSendFailsWithTheBrokersErrorAsCause() {
        when(template.send(record)).thenReturn(CompletableFuture.failedFuture(new TimeoutException("no leader")));

        assertThatExceptionOfType(KafkaException.class)
                .isThrownBy(() -> KafkaSends.sendAndAwait(template, record, Duration.ofSeconds(1)))
                .withMessageContaining("events")
                .satisfies(e -> assertThat(FailureClassifier.classify(e).code())
                        .isEqualTo(FailureClassifier.BROKER_UNAVAILABLE));
    }

    @Test
    void anUnacknowledgedSendFailsAfterTheTimeout() {
        when(template.send(record)).thenReturn(new CompletableFuture<>());

        long started = System.nanoTime();
        assertThatExceptionOfType(KafkaException.class)
                .isThrownBy(() -> KafkaSends.sendAndAwait(template, record, Duration.ofMillis(200)))
                .withMessageContaining("not acknowledged within PT0.2S")
                .satisfies(e -> assertThat(FailureClassifier.classify(e).retryable()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    @Test
    void sendsEveryRecordBeforeWaitingAndFailsWhenOneFails() {
        ProducerRecord<String, String> other = new ProducerRecord<>("results", "k2", "v2");
        CompletableFuture<SendResult<String, String>> pending = new CompletableFuture<>();
        when(template.send(record)).thenReturn(pending);
        when(template.send(other)).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("too large")));

        assertThatExceptionOfType(KafkaException.class)
                .isThrownBy(() -> KafkaSends.sendAllAndAwait(template, List.of(record, other), Duration.ofMillis(200)))
                .withMessageContaining("2 record(s) to [events, results]");
        verify(template).send(record);
        verify(template).send(other);
    }

    @Test
    void nothingToSendReturnsAtOnce() {
        KafkaSends.sendAllAndAwait(template, List.of(), Duration.ofMillis(1));
        verify(template, org.mockito.Mockito.never()).send(any(ProducerRecord.class));
    }
}
