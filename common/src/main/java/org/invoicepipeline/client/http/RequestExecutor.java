package org.invoicepipeline.client.http;

import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.RetryPolicy;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.ratelimit.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Runs one call: a rate-limit permit before every attempt, retries of retryable failures with jittered
 * exponential backoff (a Retry-After wins) within the policy's attempt and time caps, and the call's metrics.
 */
public final class RequestExecutor {

    private static final Logger log = LoggerFactory.getLogger(RequestExecutor.class);

    /** One attempt of a call; throws an {@link InvoiceExtractionException} for an error answer. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attemptNumber) throws IOException, InterruptedException;
    }

    /** Sleeps between attempts; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final RateLimiter limiter;
    private final ClientMetrics metrics;
    private final Sleeper sleeper;

    public RequestExecutor(RetryPolicy policy, RateLimiter limiter, ClientMetrics metrics, Sleeper sleeper) {
        this.policy = policy;
        this.limiter = limiter;
        this.metrics = metrics;
        this.sleeper = sleeper;
    }

    public <T> T execute(Operation operation, Attempt<T> attempt) {
        long start = System.nanoTime();
        String outcome = ClientMetrics.SUCCESS;
        try {
            return retrying(operation, attempt, start);
        } catch (ApiErrorException e) {
            outcome = e.code();
            throw e;
        } catch (ApiTransportException e) {
            outcome = ClientMetrics.IO_ERROR;
            throw e;
        } catch (InvoiceExtractionException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            metrics.recordCall(operation, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private <T> T retrying(Operation operation, Attempt<T> attempt, long start) {
        for (int attemptNumber = 1; ; attemptNumber++) {
            InvoiceExtractionException failure;
            try {
                acquirePermit(operation);
                return attempt.run(attemptNumber);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvoiceExtractionException(operation, operation.operationId() + " interrupted", e);
            } catch (IOException e) {
                failure = new ApiTransportException(operation, operation.operationId() + " got no answer: "
                        + describe(e), e);
            } catch (InvoiceExtractionException e) {
                failure = e;
            }
            if (failure instanceof ApiErrorException api && api.httpStatus() == 429) {
                metrics.recordRateLimited(operation);
                if (operation.group() != null) {
                    limiter.rateLimited(operation.group());
                }
            }
            if (!failure.isRetryable() || failure instanceof SignedUrlException refused && refused.needsFreshUrl()) {
                // a refused signature fails the same way at the same URL: the caller asks for a fresh one
                throw failure;
            }
            Duration delay = delayBefore(attemptNumber, failure);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (attemptNumber >= policy.maxAttempts() || elapsed.plus(delay).compareTo(policy.maxTotal()) > 0) {
                throw failure;
            }
            String reason = failure instanceof ApiErrorException api ? api.code() : ClientMetrics.IO_ERROR;
            metrics.recordRetry(operation, reason);
            log.debug("{} attempt {} failed ({}); retrying in {} ms", operation.operationId(), attemptNumber,
                    reason, delay.toMillis());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.addSuppressed(e);
                throw failure;
            }
        }
    }

    private Duration delayBefore(int failedAttempts, InvoiceExtractionException failure) {
        if (failure instanceof ApiErrorException api && api.retryAfter().isPresent()) {
            return api.retryAfter().get();
        }
        return policy.backoff(failedAttempts);
    }

    private void acquirePermit(Operation operation) throws InterruptedException {
        if (operation.group() == null) {
            return;
        }
        Duration waited = limiter.acquire(operation.group());
        metrics.recordPermitWait(operation.group(), waited);
    }

    private static String describe(IOException e) {
        String kind = e instanceof HttpTimeoutException ? "timeout" : e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}
