package org.invoicepipeline.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.RetryListener;

/**
 * Remembers, per consumer thread, how often the record being retried was delivered, so the dead-letter
 * headers can say how many attempts were made. Recovery runs on the consumer thread right after the last
 * failed delivery, so the last remembered record is the one being recovered.
 */
final class DeliveryAttempts implements RetryListener {

    private record Attempt(String topic, int partition, long offset, int count) {
    }

    private final ThreadLocal<Attempt> last = new ThreadLocal<>();

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
        last.set(new Attempt(record.topic(), record.partition(), record.offset(), deliveryAttempt));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, @Nullable Exception ex) {
        last.remove();
    }

    /** Deliveries of {@code record} so far; 1 when it was not retried. */
    int of(ConsumerRecord<?, ?> record) {
        Attempt attempt = last.get();
        if (attempt != null && attempt.topic().equals(record.topic()) && attempt.partition() == record.partition()
                && attempt.offset() == record.offset()) {
            return attempt.count();
        }
        return 1;
    }
}
