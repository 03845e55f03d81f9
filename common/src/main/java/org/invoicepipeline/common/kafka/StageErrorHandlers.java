package org.invoicepipeline.common.kafka;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.events.ExtractionResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of every stage's listener container:
 * <ul>
 *   <li>records that can never succeed (validation rejects, poison bytes, non-retryable API errors) go to
 *       {@code <topic>.DLT} at once;</li>
 *   <li>retryable failures back off exponentially (the API's Retry-After wins) for a bounded number of
 *       deliveries, then go to the dead-letter topic;</li>
 *   <li>back-pressure ({@link StageBackPressureException}) is retried without limit and never dead-lettered;</li>
 *   <li>so are the retryable failures the stage's {@link RetryWithoutLimit} names (e.g. an unreachable API for a
 *       completed extraction), with the capped exponential back-off;</li>
 *   <li>long waits pause the container instead of sleeping ({@link RetryAfterBackOffHandler}).</li>
 * </ul>
 * Dead letters keep the record's original bytes ({@link StageDeadLetterPublisher}) and carry the
 * {@link PipelineHeaders} and Spring's {@code kafka_dlt-*} headers; the message names the files of the record's
 * {@code DEAD_LETTERED} results. Each one counts in {@code pipeline.dead.letters{stage,code}}.
 */
public final class StageErrorHandlers {

    /** Counter of dead-lettered records, tagged {@code stage} and {@code code}. */
    public static final String DEAD_LETTERS_METRIC = "pipeline.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(StageErrorHandlers.class);

    private StageErrorHandlers() {
    }

    /**
     * @param stage              short stage name for headers, logs and metrics, e.g. {@code upload}
     * @param deadLetterTemplate a template that can write the stage's event types and raw {@code byte[]}
     *                           (see {@link DeadLetterTemplates})
     * @param pauseService       pauses and resumes containers for long back-offs
     * @param options            retry bounds
     * @param meters             where the dead-letter counter goes; {@code null} for none
     */
    public static DefaultErrorHandler create(String stage, KafkaOperations<?, ?> deadLetterTemplate,
                                             ListenerContainerPauseService pauseService, StageRetryOptions options,
                                             @Nullable MeterRegistry meters) {
        return create(new StageErrorHandling(stage, options), deadLetterTemplate, pauseService, meters);
    }

    /**
     * As above, and before each dead letter the {@code DEAD_LETTERED} results of the record's files
     * ({@link StageErrorHandling#deadLetterResults()}) are published and acknowledged; if they cannot be, the
     * record is not dead-lettered and is delivered again.
     */
    public static DefaultErrorHandler create(StageErrorHandling handling, KafkaOperations<?, ?> deadLetterTemplate,
                                             ListenerContainerPauseService pauseService, @Nullable MeterRegistry meters) {
        String stage = handling.stage();
        StageRetryOptions options = handling.retry();
        DeadLetterResultsPublisher results = new DeadLetterResultsPublisher(stage, handling.resultsTopic(),
                handling.deadLetterResults(), deadLetterTemplate, handling.publishTimeout());
        DeliveryAttempts attempts = new DeliveryAttempts();
        StageDeadLetterPublisher publisher = new StageDeadLetterPublisher(deadLetterTemplate, stage, attempts);

        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            StageFailure classified = FailureClassifier.classify(exception);
            List<ExtractionResult> published = results.publish(record, classified);
            StageFailure failure = DeadLetterMessages.namingFiles(classified,
                    published.stream().map(ExtractionResult::getFileName).toList());
            publisher.publish(record, consumer, exception, failure);
            log.warn("{} stage dead-lettered {}-{}@{} after {} attempt(s): {} {}", stage, record.topic(),
                    record.partition(), record.offset(), attempts.of(record), failure.code(), failure.message());
            if (meters != null) {
                Counter.builder(DEAD_LETTERS_METRIC).tag("stage", stage).tag("code", failure.code())
                        .description("Records a stage gave up on and wrote to its dead-letter topic")
                        .register(meters).increment();
            }
            handling.afterDeadLetter().deadLettered(record, consumer);
        };

        BackOff defaultBackOff = exponential(options);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, defaultBackOff,
                new RetryAfterBackOffHandler(pauseService, options.maxBlockingSleep()));
        RetryWithoutLimit withoutLimit = handling.retryWithoutLimit();
        handler.setBackOffFunction((record, exception) -> backOffFor(exception, options, withoutLimit));
        handler.setRetryListeners(attempts, new FailureLog(stage));
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    static BackOff backOffFor(@Nullable Exception exception, StageRetryOptions options) {
        return backOffFor(exception, options, RetryWithoutLimit.NEVER);
    }

    static BackOff backOffFor(@Nullable Exception exception, StageRetryOptions options, RetryWithoutLimit withoutLimit) {
        if (exception == null) {
            return exponential(options);
        }
        StageFailure failure = FailureClassifier.classify(exception);
        if (failure.operational()) {
            long wait = failure.retryAfterHint().orElse(options.initialInterval()).toMillis();
            return new FixedBackOff(wait, FixedBackOff.UNLIMITED_ATTEMPTS);
        }
        if (withoutLimit.appliesTo(failure)) {
            return unlimited(options);
        }
        if (!failure.retryable()) {
            return new FixedBackOff(0, 0);
        }
        return exponential(options);
    }

    /** Exponential up to {@code maxInterval}, then every {@code maxInterval}, for ever. */
    private static BackOff unlimited(StageRetryOptions options) {
        ExponentialBackOff backOff = new ExponentialBackOff(options.initialInterval().toMillis(), options.multiplier());
        backOff.setMaxInterval(options.maxInterval().toMillis());
        return backOff;
    }

    private static BackOff exponential(StageRetryOptions options) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(1, options.maxAttempts() - 1));
        backOff.setInitialInterval(options.initialInterval().toMillis());
        backOff.setMultiplier(options.multiplier());
        backOff.setMaxInterval(options.maxInterval().toMillis());
        return backOff;
    }

    /** One log line per failed delivery: WARN for errors, INFO for back-pressure, which is expected. */
    private record FailureLog(String stage) implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
            if (ex == null) {
                return;
            }
            StageFailure failure = FailureClassifier.classify(ex);
            if (failure.operational()) {
                log.info("{} stage holds {}-{}@{}: {} ({})", stage, record.topic(), record.partition(),
                        record.offset(), failure.code(), failure.message());
            }
            else {
                log.warn("{} stage failed {}-{}@{} (delivery {}): {} {}", stage, record.topic(), record.partition(),
                        record.offset(), deliveryAttempt, failure.code(), failure.message());
            }
        }

        @Override
        public void failedDelivery(org.apache.kafka.clients.consumer.ConsumerRecords<?, ?> records, Exception ex,
                                   int deliveryAttempt) {
            log.warn("{} stage failed a batch of {} record(s) (delivery {}): {}", stage, records.count(),
                    deliveryAttempt, FailureClassifier.classify(ex).code());
        }
    }

}
