package org.invoicepipeline.poll.wait;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.AuthenticationException;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.poll.failure.ExtractionDeadline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PollPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant SUBMITTED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MAX_AGE = Duration.ofHours(24);
    private static final Instant BEFORE_DEADLINE = SUBMITTED.plus(Duration.ofHours(1));
    private static final Instant AT_DEADLINE = SUBMITTED.plus(MAX_AGE);
    private static final Duration SLOW_CALL = Duration.ofSeconds(30);
    private static final Duration FAST_CALL = Duration.ofMillis(100);

    private static final PollPolicy.Settings SETTINGS = new PollPolicy.Settings(3, Duration.ofSeconds(30),
            Set.of("CONCURRENT_TASK_LIMIT", "SUBMISSION_STALLED", "INTERNAL_ERROR"), Duration.ofSeconds(60),
            Duration.ofSeconds(45), Duration.ofSeconds(2), Duration.ofMinutes(2));
    private static final PollPolicy POLICY = new PollPolicy(SETTINGS, new ExtractionDeadline(MAX_AGE));

    static Stream<Arguments> statuses() {
        return Stream.of(
                // status, attempt, call took, now -> step, delay (or null)
                Arguments.of(completed(), 1, SLOW_CALL, BEFORE_DEADLINE, PollStep.Publish.class, null),
                Arguments.of(cancelled(), 1, FAST_CALL, AT_DEADLINE, PollStep.Publish.class, null),
                // a final status is published even past the deadline
                Arguments.of(completed(), 1, FAST_CALL, AT_DEADLINE, PollStep.Publish.class, null),
                Arguments.of(processing(), 1, SLOW_CALL, BEFORE_DEADLINE, PollStep.CheckAgain.class, Duration.ZERO),
                // answered without holding the call: pause instead of spinning
                Arguments.of(processing(), 1, FAST_CALL, BEFORE_DEADLINE, PollStep.CheckAgain.class, Duration.ofSeconds(5)),
                // a status from an answer, not a long-poll
                Arguments.of(processing(), 1, null, BEFORE_DEADLINE, PollStep.CheckAgain.class, Duration.ZERO),
                Arguments.of(processing(), 1, FAST_CALL, AT_DEADLINE, PollStep.CancelAtDeadline.class, null),
                Arguments.of(processing(), 1, SLOW_CALL, AT_DEADLINE, PollStep.CancelAtDeadline.class, null),
                Arguments.of(inputRequired(), 1, FAST_CALL, BEFORE_DEADLINE, PollStep.Ask.class, null),
                Arguments.of(inputRequired(), 1, FAST_CALL, AT_DEADLINE, PollStep.CancelAtDeadline.class, null),
                Arguments.of(unknown(), 1, FAST_CALL, BEFORE_DEADLINE, PollStep.CheckAgain.class, Duration.ofSeconds(60)),
                Arguments.of(unknown(), 1, FAST_CALL, AT_DEADLINE, PollStep.CancelAtDeadline.class, null),
                // retryable: resubmit after resubmit-delay x attempt, until the attempts run out
                Arguments.of(failed("INTERNAL_ERROR", false), 1, SLOW_CALL, BEFORE_DEADLINE, PollStep.ResubmitAfter.class, Duration.ofSeconds(30)),
                Arguments.of(failed("SOME_NEW_CODE", true), 2, SLOW_CALL, BEFORE_DEADLINE, PollStep.ResubmitAfter.class, Duration.ofSeconds(60)),
                Arguments.of(failed("INTERNAL_ERROR", true), 3, SLOW_CALL, BEFORE_DEADLINE, PollStep.FailAndDeadLetter.class, null),
                // a failure is final even past the deadline
                Arguments.of(failed("INTERNAL_ERROR", false), 1, SLOW_CALL, AT_DEADLINE, PollStep.ResubmitAfter.class, Duration.ofSeconds(30)),
                Arguments.of(failed("INSUFFICIENT_CREDITS", false), 3, SLOW_CALL, BEFORE_DEADLINE, PollStep.HoldForCredits.class, null),
                Arguments.of(failedNaming("ENCRYPTED_FILE", "b.pdf"), 1, SLOW_CALL, BEFORE_DEADLINE, PollStep.ResubmitWithout.class, null),
                Arguments.of(failed("NO_PAGES_FOUND", false), 1, SLOW_CALL, BEFORE_DEADLINE, PollStep.Fail.class, null),
                Arguments.of(new ExtractionStatus.Failed("ex-1", null), 1, SLOW_CALL, BEFORE_DEADLINE, PollStep.Fail.class, null));
    }

    @ParameterizedTest(name = "[{index}] {0} attempt {1} took {2} at {3} -> {4} {5}")
    @MethodSource("statuses")
    void decidesWhatAStatusLeadsTo(ExtractionStatus status, int attempt, Duration callTook, Instant now,
                                   Class<? extends PollStep> expected, Duration delay) {
        PollStep step = POLICY.onStatus(status, submitted(attempt), callTook, now);

        assertThat(step).isInstanceOf(expected);
        if (step instanceof PollStep.CheckAgain again) {
            assertThat(again.delay()).isEqualTo(delay);
        }
        if (step instanceof PollStep.ResubmitAfter resubmit) {
            assertThat(resubmit.delay()).isEqualTo(delay);
        }
    }

    @Test
    void attemptsExhaustedDeadLettersWithThePipelineCodeAndTheApiError() {
        PollStep step = POLICY.onStatus(failed("INTERNAL_ERROR", true), submitted(3), SLOW_CALL, BEFORE_DEADLINE);

        PollStep.FailAndDeadLetter deadLetter = (PollStep.FailAndDeadLetter) step;
        assertThat(deadLetter.failure().code()).isEqualTo("SUBMISSION_ATTEMPTS_EXHAUSTED");
        assertThat(deadLetter.failure().message()).isEqualTo("Extraction failed with INTERNAL_ERROR on all 3 submission attempts");
        assertThat(deadLetter.attempts()).isEqualTo(3);
        assertThat(deadLetter.error().getCode()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void deadlineNamesTheStatus() {
        assertThat(POLICY.onStatus(inputRequired(), submitted(1), SLOW_CALL, AT_DEADLINE))
                .isEqualTo(new PollStep.CancelAtDeadline("input_required"));
        assertThat(POLICY.onStatus(processing(), submitted(1), SLOW_CALL, AT_DEADLINE))
                .isEqualTo(new PollStep.CancelAtDeadline("processing"));
        assertThat(POLICY.onStatus(unknown(), submitted(1), SLOW_CALL, AT_DEADLINE))
                .isEqualTo(new PollStep.CancelAtDeadline("reviewing"));
    }

    @ParameterizedTest(name = "resubmittable-codes {0}: INTERNAL_ERROR -> {1}")
    @CsvSource({"INTERNAL_ERROR, ResubmitAfter", "CONCURRENT_TASK_LIMIT, Fail"})
    void resubmittableCodesAreConfigurable(String configured, String expected) {
        PollPolicy policy = new PollPolicy(new PollPolicy.Settings(3, Duration.ofSeconds(30), Set.of(configured),
                Duration.ofSeconds(60), Duration.ofSeconds(45), Duration.ofSeconds(2), Duration.ofMinutes(2)),
                new ExtractionDeadline(MAX_AGE));

        PollStep step = policy.onStatus(failed("INTERNAL_ERROR", false), submitted(1), SLOW_CALL, BEFORE_DEADLINE);

        assertThat(step.getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void stillAskingAfterAnswersChecksAgainLater() {
        assertThat(POLICY.afterAnswers(null, submitted(1), BEFORE_DEADLINE))
                .isEqualTo(new PollStep.CheckAgain(Duration.ofSeconds(60)));
        assertThat(POLICY.afterAnswers(inputRequired(), submitted(1), BEFORE_DEADLINE))
                .isEqualTo(new PollStep.CheckAgain(Duration.ofSeconds(60)));
        assertThat(POLICY.afterAnswers(processing(), submitted(1), BEFORE_DEADLINE))
                .isEqualTo(new PollStep.CheckAgain(Duration.ZERO));
        assertThat(POLICY.afterAnswers(completed(), submitted(1), BEFORE_DEADLINE)).isInstanceOf(PollStep.Publish.class);
    }

    @ParameterizedTest(name = "for credits {0}, covered {1} -> {2}")
    @CsvSource({"true, false, CheckAgain", "true, true, ResubmitNow", "false, false, ResubmitNow"})
    void aHeldResubmissionWaitsOnlyForCredits(boolean forCredits, boolean covered, String expected) {
        PollStep step = POLICY.onHeldResubmission(forCredits, () -> covered);

        assertThat(step.getClass().getSimpleName()).isEqualTo(expected);
        if (step instanceof PollStep.CheckAgain again) {
            assertThat(again.delay()).isEqualTo(Duration.ofSeconds(45));
        }
    }

    @Test
    void creditsAreReadOnlyForACreditsHold() {
        assertThat(POLICY.onHeldResubmission(false, () -> {
            throw new AssertionError("credits read");
        })).isInstanceOf(PollStep.ResubmitNow.class);
    }

    static Stream<Arguments> callFailures() {
        return Stream.of(
                // failure, failures in a row -> step, delay (or null)
                Arguments.of(apiError("RATE_LIMITED", 429, true, Duration.ofSeconds(7)), 1, PollStep.CheckAgain.class, Duration.ofSeconds(7)),
                Arguments.of(new ApiTransportException(Operation.GET_EXTRACTION, "reset", null), 1, PollStep.CheckAgain.class, Duration.ofSeconds(2)),
                Arguments.of(new ApiTransportException(Operation.GET_EXTRACTION, "reset", null), 3, PollStep.CheckAgain.class, Duration.ofSeconds(8)),
                Arguments.of(new ApiTransportException(Operation.GET_EXTRACTION, "reset", null), 40, PollStep.CheckAgain.class, Duration.ofMinutes(2)),
                // a Retry-After longer than the back-off wins, a shorter one does not
                Arguments.of(apiError("INTERNAL_ERROR", 500, true, Duration.ofSeconds(1)), 2, PollStep.CheckAgain.class, Duration.ofSeconds(4)),
                // a bad key is the deployment's problem: keep the record, retry
                Arguments.of(new AuthenticationException(Operation.GET_EXTRACTION, "API_KEY_INVALID", "bad key", null), 1, PollStep.CheckAgain.class, Duration.ofSeconds(2)),
                Arguments.of(apiError("EXTRACTION_NOT_FOUND", 404, false, null), 1, PollStep.FailAndDeadLetter.class, null),
                Arguments.of(apiError("EXTRACTION_NOT_FOUND", 404, true, null), 1, PollStep.FailAndDeadLetter.class, null),
                Arguments.of(apiError("INVALID_REQUEST", 400, false, null), 1, PollStep.FailAndDeadLetter.class, null));
    }

    @ParameterizedTest(name = "[{index}] {0} ({1} in a row) -> {2} {3}")
    @MethodSource("callFailures")
    void decidesWhatAFailedStatusCallLeadsTo(InvoiceExtractionException failure, int inARow,
                                             Class<? extends PollStep> expected, Duration delay) {
        PollStep step = POLICY.onCallFailure(failure, inARow);

        assertThat(step).isInstanceOf(expected);
        if (step instanceof PollStep.CheckAgain again) {
            assertThat(again.delay()).isEqualTo(delay);
        }
        if (step instanceof PollStep.FailAndDeadLetter deadLetter) {
            assertThat(deadLetter.attempts()).isEqualTo(1);
            assertThat(deadLetter.error().getRetryable()).isFalse();
            assertThat(deadLetter.error().getCode()).isEqualTo(deadLetter.failure().code());
        }
    }

    private static ApiErrorException apiError(String code, int status, boolean retryable, Duration retryAfter) {
        return new ApiErrorException(Operation.GET_EXTRACTION, status, code, "failed", retryable, null, retryAfter);
    }

    private static ExtractionSubmitted submitted(int attempt) {
        return ExtractionSubmitted.newBuilder().setUploadSessionId("session-1").setSubmissionId("sub-1")
                .setExtractionId("ex-1").setProfile("default").setAttempt(attempt).setSubmittedAt(SUBMITTED)
                .setFiles(List.of(file("a.pdf"), file("b.pdf"), file("c.pdf"))).build();
    }

    private static FileRef file(String name) {
        return FileRef.newBuilder().setFileId("reg-" + name).setApiFileId("api-" + name).setFileName(name)
                .setOriginalFileName(name).setSourceUri("file:///in/" + name).setSizeBytes(10)
                .setRegisteredAt(Instant.EPOCH).build();
    }

    private static ExtractionStatus completed() {
        return new ExtractionStatus.Completed("ex-1", 3, null, null, null, null, null, null, null, null);
    }

    private static ExtractionStatus cancelled() {
        return new ExtractionStatus.Cancelled("ex-1", 0, null, null, null);
    }

    private static ExtractionStatus processing() {
        return new ExtractionStatus.Processing("ex-1", 50);
    }

    private static ExtractionStatus inputRequired() {
        return new ExtractionStatus.InputRequired("ex-1", 50, SUBMITTED.plus(Duration.ofDays(2)), List.of());
    }

    private static ExtractionStatus unknown() {
        return new ExtractionStatus.Unknown("ex-1", "reviewing", null);
    }

    private static ExtractionStatus failed(String code, boolean retryable) {
        return new ExtractionStatus.Failed("ex-1", new ApiError(code, "failed", retryable, JSON.createObjectNode()));
    }

    private static ExtractionStatus failedNaming(String code, String fileName) {
        return new ExtractionStatus.Failed("ex-1", new ApiError(code, "failed", false,
                JSON.valueToTree(Map.of("file_names", List.of(fileName)))));
    }
}
