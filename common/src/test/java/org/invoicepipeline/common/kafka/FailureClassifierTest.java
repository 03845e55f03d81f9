package org.invoicepipeline.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.RateLimitedException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOffExecution;

class FailureClassifierTest {

    private static final Operation SUBMIT = Operation.CREATE_UPLOAD_SESSION;

    @Test
    void nonRetryableApiErrorGoesStraightToTheDeadLetterTopicWithTheApiCode() {
        var api = new ApiErrorException(SUBMIT, 400, "FILE_TOO_LARGE", "too big", false, null, null);

        StageFailure failure = FailureClassifier.classify(new ListenerExecutionFailedException("wrapped", api));

        assertThat(failure.code()).isEqualTo("FILE_TOO_LARGE");
        assertThat(failure.retryable()).isFalse();
        assertThat(StageErrorHandlers.backOffFor(new ListenerExecutionFailedException("x", api), StageRetryOptions.defaults())
                .start().nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void rateLimitIsRetryableAndCarriesRetryAfter() {
        var limited = new RateLimitedException(SUBMIT, "slow down", null, Duration.ofSeconds(7));

        StageFailure failure = FailureClassifier.classify(limited);

        assertThat(failure.code()).isEqualTo("RATE_LIMITED");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.operational()).as("a 429 never dead-letters a record").isTrue();
        assertThat(failure.retryAfterHint()).contains(Duration.ofSeconds(7));
        assertThat(StageErrorHandlers.backOffFor(limited, StageRetryOptions.defaults()).start().nextBackOff())
                .isEqualTo(7_000);
        assertThat(RetryAfterBackOffHandler.effectiveWait(limited, 1_000)).isEqualTo(7_000);
        assertThat(RetryAfterBackOffHandler.effectiveWait(limited, 9_000)).isEqualTo(9_000);
    }

    @Test
    void retryableFailuresAreBoundedByMaxAttempts() {
        var options = new StageRetryOptions(Duration.ofMillis(10), 2.0, Duration.ofMillis(40), 4, Duration.ofSeconds(1));
        BackOffExecution execution = StageErrorHandlers.backOffFor(
                new ApiTransportException(SUBMIT, "refused", new IOException("refused")), options).start();

        assertThat(execution.nextBackOff()).isEqualTo(10);
        assertThat(execution.nextBackOff()).isEqualTo(20);
        assertThat(execution.nextBackOff()).isEqualTo(40);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void backPressureIsRetriedWithoutLimitAndNeverDeadLettered() {
        var pressure = new StageBackPressureException("SUBMISSIONS_PAUSED", "paused for a deploy", Duration.ofSeconds(30));

        StageFailure failure = FailureClassifier.classify(new ListenerExecutionFailedException("w", pressure));
        BackOffExecution execution = StageErrorHandlers.backOffFor(pressure, StageRetryOptions.defaults()).start();

        assertThat(failure.operational()).isTrue();
        assertThat(failure.code()).isEqualTo("SUBMISSIONS_PAUSED");
        for (int i = 0; i < 1_000; i++) {
            assertThat(execution.nextBackOff()).isEqualTo(30_000);
        }
    }

    @Test
    void validationRejectAndPoisonBytesArePermanent() {
        assertThat(FailureClassifier.classify(new RecordRejectedException("SOURCE_NOT_ALLOWED", "outside roots")))
                .extracting(StageFailure::code, StageFailure::retryable)
                .containsExactly("SOURCE_NOT_ALLOWED", false);
        assertThat(FailureClassifier.classify(new DeserializationException("bad", new byte[] {1}, false, null)))
                .extracting(StageFailure::code, StageFailure::retryable)
                .containsExactly(FailureClassifier.POISON_RECORD, false);
    }

    @Test
    void unknownFailuresAreRetryableProcessingFailures() {
        StageFailure failure = FailureClassifier.classify(new IllegalStateException("boom"));

        assertThat(failure.code()).isEqualTo(FailureClassifier.PROCESSING_FAILED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.message()).contains("boom");
    }
}
