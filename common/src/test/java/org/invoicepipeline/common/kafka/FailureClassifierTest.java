package org.invoicepipeline.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import java.time.Duration;

import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.RateLimitedException;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.upload.UploadSourceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** What a stage does with each kind of failure: code, retryable (= x-error-retryable), operational. */
    static Stream<Arguments> classificationTable() {
        return Stream.of(
                Arguments.of("signed URL refused (403, expired/refused signature)",
                        new SignedUrlException(Operation.UPLOAD_PART, 403, "u"), FailureClassifier.SIGNED_URL_REFUSED, true, false),
                Arguments.of("signed URL: storage 503", new SignedUrlException(Operation.DOWNLOAD_OUTPUT, 503, "u"),
                        FailureClassifier.SIGNED_URL_REFUSED, true, false),
                Arguments.of("signed URL: storage 429", new SignedUrlException(Operation.UPLOAD_PART, 429, "u"),
                        FailureClassifier.SIGNED_URL_REFUSED, true, false),
                Arguments.of("signed URL: upload gone (404)", new SignedUrlException(Operation.UPLOAD_PART, 404, "u"),
                        FailureClassifier.SIGNED_URL_REFUSED, false, false),
                Arguments.of("API unreachable", new ApiTransportException(SUBMIT, "refused", new IOException("x")),
                        FailureClassifier.API_UNREACHABLE, true, false),
                Arguments.of("API 5xx", new ApiErrorException(SUBMIT, 500, "INTERNAL_ERROR", "boom", true, null, null),
                        "INTERNAL_ERROR", true, false),
                Arguments.of("API refusal", new ApiErrorException(SUBMIT, 400, "INVALID_INPUT", "bad", false, null, null),
                        "INVALID_INPUT", false, false),
                Arguments.of("storage I/O", new UncheckedIOException(new IOException("disk full")),
                        FailureClassifier.IO_ERROR, true, false),
                Arguments.of("source truncated mid-upload",
                        new UploadSourceException("a.pdf", 0, 10, new EOFException("shrank")),
                        FailureClassifier.SOURCE_CHANGED, false, false),
                Arguments.of("source unreadable mid-upload",
                        new UploadSourceException("a.pdf", 0, 10, new IOException("EIO")),
                        FailureClassifier.SOURCE_UNREADABLE, false, false),
                Arguments.of("rate limited", new RateLimitedException(SUBMIT, "slow", null, Duration.ofSeconds(1)),
                        "RATE_LIMITED", true, true),
                Arguments.of("broker did not acknowledge", new IllegalStateException("publishing failed",
                                new java.util.concurrent.ExecutionException(
                                        new org.apache.kafka.common.errors.TimeoutException("expired"))),
                        FailureClassifier.BROKER_UNAVAILABLE, true, false),
                Arguments.of("record too large for the broker", new IllegalStateException("publishing failed",
                                new org.apache.kafka.common.errors.RecordTooLargeException("too large")),
                        FailureClassifier.PROCESSING_FAILED, true, false),
                Arguments.of("unknown", new IllegalStateException("bug"), FailureClassifier.PROCESSING_FAILED, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classificationTable")
    void classifiesEveryKindOfFailureConsistentlyWithTheExceptionAndTheDeadLetterHeader(
            String kind, Exception thrown, String code, boolean retryable, boolean operational) {
        StageFailure failure = FailureClassifier.classify(new ListenerExecutionFailedException("wrapped", thrown));

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.operational()).isEqualTo(operational);
        if (thrown instanceof InvoiceExtractionException client && !operational) {
            assertThat(client.isRetryable()).as("the exception's own flag agrees").isEqualTo(retryable);
        }
        assertThat(PipelineHeaders.lastValue(DeadLetterRecords.pipelineHeaders("s", failure, 1),
                PipelineHeaders.ERROR_RETRYABLE)).contains(Boolean.toString(retryable));
    }
}
