package org.invoicepipeline.common.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * "Send and wait for the broker" for every stage: a stage commits its input only after what it wrote was
 * acknowledged, and never waits longer than its {@code publish-timeout}. A failure is a {@link KafkaException}
 * whose cause is the send's own failure (or the timeout), which {@link FailureClassifier} reads through.
 */
public final class KafkaSends {

    private KafkaSends() {
    }

    /** Sends {@code record} and returns once the broker acknowledged it, within {@code timeout}. */
    public static <K, V> SendResult<K, V> sendAndAwait(KafkaOperations<K, V> template, ProducerRecord<K, V> record,
                                                       Duration timeout) {
        return await(template.send(record), timeout, "publishing to " + record.topic());
    }

    /**
     * Sends every record at once (they are batched together) and returns once the broker acknowledged all of them,
     * within {@code timeout} in all.
     */
    public static <K, V> void sendAllAndAwait(KafkaOperations<K, V> template, List<ProducerRecord<K, V>> records,
                                              Duration timeout) {
        List<CompletableFuture<SendResult<K, V>>> sends = records.stream().map(template::send).toList();
        awaitAll(sends, timeout, "publishing " + records.size() + " record(s) to "
                + records.stream().map(ProducerRecord::topic).distinct().toList());
    }

    /** Returns once every send in flight completed, within {@code timeout} in all; {@code what} names them. */
    public static void awaitAll(List<? extends CompletableFuture<?>> sends, Duration timeout, String what) {
        await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)), timeout, what);
    }

    private static <T> T await(CompletableFuture<T> send, Duration timeout, String what) {
        try {
            return send.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while " + what, e);
        }
        catch (ExecutionException e) {
            throw new KafkaException(what + " failed", e.getCause() == null ? e : e.getCause());
        }
        catch (TimeoutException e) {
            throw new KafkaException(what + " was not acknowledged within " + timeout, e);
        }
    }
}
