package org.invoicepipeline.client.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.RateLimitedException;
import org.invoicepipeline.client.RetryPolicy;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.ratelimit.RateLimiterRegistry;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestExecutorTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    private RequestExecutor executor(RetryPolicy retryPolicy) {
        return new RequestExecutor(retryPolicy,
                RateLimiterRegistry.forKey("http://unit.test/" + UUID.randomUUID(), "key", RateLimits.disabled()),
                new ClientMetrics(registry), sleeps::add);
    }

    @Test
    void retriesARetryableApiErrorUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        String result = executor(policy).execute(Operation.GET_CREDITS_BALANCE, attempt -> {
            if (attempts.incrementAndGet() < 3) {
                throw apiError(500, "INTERNAL_ERROR", true, null);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(200)));
        assertThat(registry.get(ClientMetrics.REQUESTS).tag("operation", "getCreditsBalance")
                .tag("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get(ClientMetrics.RETRIES).tag("reason", "INTERNAL_ERROR").counter().count()).isEqualTo(2);
    }

    @Test
    void aRefusedSignatureIsNotResentToTheSameUrlButAStorage5xxIs() {
        AtomicInteger refusedAttempts = new AtomicInteger();
        assertThatThrownBy(() -> executor(policy).execute(Operation.UPLOAD_PART, attempt -> {
            refusedAttempts.incrementAndGet();
            throw new SignedUrlException(Operation.UPLOAD_PART, 403, "http://storage/p?<redacted>");
        })).isInstanceOfSatisfying(SignedUrlException.class, e -> assertThat(e.isRetryable()).isTrue());
        assertThat(refusedAttempts).as("only a fresh URL helps: the caller asks for one").hasValue(1);

        AtomicInteger failingAttempts = new AtomicInteger();
        String etag = executor(policy).execute(Operation.UPLOAD_PART, attempt -> {
            if (failingAttempts.incrementAndGet() < 2) {
                throw new SignedUrlException(Operation.UPLOAD_PART, 503, "http://storage/p?<redacted>");
            }
            return "\"etag\"";
        });
        assertThat(etag).isEqualTo("\"etag\"");
        assertThat(failingAttempts).hasValue(2);
    }

    @Test
    void failsAtOnceOnANonRetryableErrorWithItsCode() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> executor(policy).execute(Operation.SUBMIT_EXTRACTION, attempt -> {
            attempts.incrementAndGet();
            throw apiError(409, "SUBMISSION_ID_ALREADY_USED", false, null);
        })).isInstanceOfSatisfying(ApiErrorException.class, e -> {
            assertThat(e.code()).isEqualTo("SUBMISSION_ID_ALREADY_USED");
            assertThat(e.httpStatus()).isEqualTo(409);
        });

        assertThat(attempts).hasValue(1);
        assertThat(sleeps).isEmpty();
        assertThat(registry.get(ClientMetrics.REQUESTS).tag("outcome", "SUBMISSION_ID_ALREADY_USED").timer().count())
                .isEqualTo(1);
    }

    @Test
    void retryAfterWinsOverTheBackoffAndA429IsCounted() {
        AtomicInteger attempts = new AtomicInteger();

        executor(policy).execute(Operation.SUBMIT_EXTRACTION, attempt -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RateLimitedException(Operation.SUBMIT_EXTRACTION, "slow down", null, Duration.ofSeconds(7));
            }
            return "ok";
        });

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(registry.get(ClientMetrics.RATE_LIMITED).tag("operation", "submitExtraction").counter().count())
                .isEqualTo(1);
    }

    @Test
    void retriesConnectionFailuresAndGivesUpAfterMaxAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> executor(policy).execute(Operation.GET_EXTRACTION, attempt -> {
            attempts.incrementAndGet();
            throw new ConnectException("Connection refused");
        })).isInstanceOf(ApiTransportException.class).hasCauseInstanceOf(IOException.class);

        assertThat(attempts).hasValue(4);
        assertThat(registry.get(ClientMetrics.REQUESTS).tag("outcome", ClientMetrics.IO_ERROR).timer().count())
                .isEqualTo(1);
    }

    @Test
    void givesUpWhenTheNextWaitWouldExceedTheTotalBudget() {
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy shortBudget = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> executor(shortBudget).execute(Operation.SUBMIT_EXTRACTION, attempt -> {
            attempts.incrementAndGet();
            throw new RateLimitedException(Operation.SUBMIT_EXTRACTION, "slow down", null, Duration.ofSeconds(60));
        })).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)));

        assertThat(attempts).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCap() {
        RetryPolicy retry = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1));

        for (int i = 0; i < 200; i++) {
            assertThat(retry.backoff(1)).isLessThanOrEqualTo(Duration.ofMillis(100));
            assertThat(retry.backoff(2)).isLessThanOrEqualTo(Duration.ofMillis(200));
            assertThat(retry.backoff(8)).isLessThanOrEqualTo(Duration.ofMillis(400));
        }
        assertThat(java.util.stream.IntStream.range(0, 200).mapToObj(i -> retry.backoff(8)).distinct().count())
                .as("jittered").isGreaterThan(1);
    }

    private static ApiErrorException apiError(int status, String code, boolean retryable, Duration retryAfter) {
        return new ApiErrorException(Operation.GET_CREDITS_BALANCE, status, code, "m", retryable, null, retryAfter);
    }
}
