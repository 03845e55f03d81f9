package org.invoicepipeline.sandbox.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.invoicepipeline.sandbox.engine.ExtractionFailureCode;
import org.invoicepipeline.sandbox.http.ApiException;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.sandbox.http.Operation;
import org.invoicepipeline.sandbox.time.SandboxClock;

/**
 * The faults currently injected, set at runtime through the control API and consulted by the
 * request pipeline and the processing engine. Every fault applies to all keys.
 */
public final class FaultPlan {

    private record CountedError(ErrorCode code, AtomicInteger remaining) {
    }

    private record RandomError(ErrorCode code, double rate) {
    }

    private record Burst(AtomicInteger remaining, long retryAfterSeconds) {
    }

    private final SandboxClock clock;
    private final Map<Operation, CountedError> nextErrors = new ConcurrentHashMap<>();
    private final Map<Operation, RandomError> randomErrors = new ConcurrentHashMap<>();
    private final Map<Operation, AtomicInteger> drops = new ConcurrentHashMap<>();
    private final Map<Operation, Duration> latencies = new ConcurrentHashMap<>();
    private final Map<Operation, Burst> bursts = new ConcurrentHashMap<>();
    private final Queue<ExtractionFailureCode> extractionFailures = new ConcurrentLinkedQueue<>();
    private volatile Instant submissionsPausedUntil = Instant.MIN;
    private volatile long signedUrlsIssuedUpTo = Long.MIN_VALUE;
    private volatile Duration signedUrlTtlOverride;
    private final Map<Operation, Instant> signedUrlsRefusedUntil = new ConcurrentHashMap<>();

    public FaultPlan(SandboxClock clock) {
        this.clock = clock;
    }

    /** The next {@code count} calls of the operation fail with {@code code}, before any state change. */
    public void failNext(Operation operation, int count, ErrorCode code) {
        nextErrors.put(operation, new CountedError(code, new AtomicInteger(count)));
    }

    /** Each call of the operation fails with probability {@code rate} (0 turns it off). */
    public void failRate(Operation operation, double rate, ErrorCode code) {
        if (rate <= 0) {
            randomErrors.remove(operation);
        } else {
            randomErrors.put(operation, new RandomError(code, Math.min(1.0, rate)));
        }
    }

    /** The next {@code count} calls are applied, then the connection is closed without a response. */
    public void dropConnectionAfterApply(Operation operation, int count) {
        drops.put(operation, new AtomicInteger(count));
    }

    /** Every call of the operation is answered {@code latency} later (zero removes it). */
    public void addLatency(Operation operation, Duration latency) {
        if (latency.isZero() || latency.isNegative()) {
            latencies.remove(operation);
        } else {
            latencies.put(operation, latency);
        }
    }

    /** The next {@code count} calls are answered 429 with the given Retry-After, whatever the real limits say. */
    public void forceRateLimit(Operation operation, int count, Duration retryAfter) {
        bursts.put(operation, new Burst(new AtomicInteger(count), Math.max(1, retryAfter.toSeconds())));
    }

    /** submitExtraction answers 503 SUBMISSIONS_PAUSED for this long from now. */
    public void pauseSubmissions(Duration window) {
        submissionsPausedUntil = clock.now().plus(window);
    }

    /** Every signed URL issued so far stops working at once. */
    public void expireIssuedSignedUrls() {
        signedUrlsIssuedUpTo = clock.nowMillis();
    }

    /** Signed URLs issued from now on live this long instead of their documented lifetime ({@code null} restores it). */
    public void signedUrlTtl(Duration ttl) {
        signedUrlTtlOverride = ttl;
    }

    /**
     * Every signed URL of {@code operation} ({@code uploadPart} or {@code downloadOutput}) presented within
     * {@code window} from now is refused as expired (403), however fresh: storage refusing signatures for a while.
     */
    public void refuseSignedUrls(Operation operation, Duration window) {
        if (operation != Operation.UPLOAD_PART && operation != Operation.DOWNLOAD_OUTPUT) {
            throw new IllegalArgumentException("Only uploadPart and downloadOutput use signed URLs, not "
                    + operation.operationId());
        }
        signedUrlsRefusedUntil.put(operation, clock.now().plus(window));
    }

    /** The next {@code count} extractions to start fail with {@code code}. */
    public void failNextExtractions(ExtractionFailureCode code, int count) {
        for (int i = 0; i < count; i++) {
            extractionFailures.add(code);
        }
    }

    public void reset() {
        nextErrors.clear();
        randomErrors.clear();
        drops.clear();
        latencies.clear();
        bursts.clear();
        extractionFailures.clear();
        submissionsPausedUntil = Instant.MIN;
        signedUrlsIssuedUpTo = Long.MIN_VALUE;
        signedUrlTtlOverride = null;
        signedUrlsRefusedUntil.clear();
    }

    // --- consulted by the pipeline -------------------------------------------------------------

    public Optional<Duration> latency(Operation operation) {
        return Optional.ofNullable(latencies.get(operation));
    }

    public OptionalLong forcedRetryAfterSeconds(Operation operation) {
        Burst burst = bursts.get(operation);
        if (burst != null && takeOne(burst.remaining)) {
            return OptionalLong.of(burst.retryAfterSeconds);
        }
        return OptionalLong.empty();
    }

    public Optional<ApiException> injectedError(Operation operation) {
        CountedError counted = nextErrors.get(operation);
        if (counted != null && takeOne(counted.remaining)) {
            return Optional.of(injected(counted.code));
        }
        RandomError random = randomErrors.get(operation);
        if (random != null && ThreadLocalRandom.current().nextDouble() < random.rate) {
            return Optional.of(injected(random.code));
        }
        return Optional.empty();
    }

    private static ApiException injected(ErrorCode code) {
        Object details = code == ErrorCode.RATE_LIMITED ? Map.of("retry_after_seconds", 1) : null;
        return new ApiException(code, "Injected fault: " + code.defaultMessage(), details);
    }

    public boolean dropConnection(Operation operation) {
        AtomicInteger remaining = drops.get(operation);
        return remaining != null && takeOne(remaining);
    }

    public Optional<Instant> submissionsPausedUntil() {
        Instant until = submissionsPausedUntil;
        return until.isAfter(clock.now()) ? Optional.of(until) : Optional.empty();
    }

    public boolean signedUrlRevoked(long issuedAtMillis) {
        return issuedAtMillis <= signedUrlsIssuedUpTo;
    }

    /** Whether signed URLs of {@code operation} are being refused right now ({@link #refuseSignedUrls}). */
    public boolean signedUrlsRefused(Operation operation) {
        Instant until = signedUrlsRefusedUntil.get(operation);
        return until != null && until.isAfter(clock.now());
    }

    public Duration effectiveSignedUrlTtl(Duration documented) {
        Duration override = signedUrlTtlOverride;
        return override != null ? override : documented;
    }

    public Optional<ExtractionFailureCode> nextExtractionFailure() {
        return Optional.ofNullable(extractionFailures.poll());
    }

    private static boolean takeOne(AtomicInteger remaining) {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
