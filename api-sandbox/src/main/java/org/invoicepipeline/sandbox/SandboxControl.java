package org.invoicepipeline.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.invoicepipeline.sandbox.account.Account;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.sandbox.account.AccountRegistry;
import org.invoicepipeline.sandbox.account.CreditsSnapshot;
import org.invoicepipeline.sandbox.account.KeyState;
import org.invoicepipeline.sandbox.engine.ExtractionEngine;
import org.invoicepipeline.sandbox.engine.ExtractionFailureCode;
import org.invoicepipeline.sandbox.fault.FaultPlan;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.sandbox.http.Operation;
import org.invoicepipeline.sandbox.ratelimit.RateLimiter;
import org.invoicepipeline.sandbox.time.SandboxClock;
import org.invoicepipeline.sandbox.upload.UploadService;

/**
 * Runtime fault injection and inspection of a running sandbox; the same operations are served over
 * HTTP under {@code /_sandbox/}. Operations are named by their contract operationId (e.g.
 * {@code "submitExtraction"}), plus {@code "uploadPart"} and {@code "downloadOutput"} for the signed
 * URLs. Faults apply to every key; counters and credits are per key.
 */
public final class SandboxControl {

    private final AccountRegistry accounts;
    private final FaultPlan faults;
    private final SandboxClock clock;
    private final UploadService uploads;
    private final ExtractionEngine engine;
    private final double rateLimitScale;

    SandboxControl(AccountRegistry accounts, FaultPlan faults, SandboxClock clock, UploadService uploads,
                   ExtractionEngine engine, double rateLimitScale) {
        this.accounts = accounts;
        this.faults = faults;
        this.clock = clock;
        this.uploads = uploads;
        this.engine = engine;
        this.rateLimitScale = rateLimitScale;
    }

    // --- inspection ------------------------------------------------------------------------------

    /** A snapshot of a key's counters: calls per operation and status, 429s, sessions, files, extractions, pages. */
    public AccountCounters counters(String apiKey) {
        return account(apiKey).countersSnapshot();
    }

    public CreditsSnapshot credits(String apiKey) {
        return account(apiKey).credits().snapshot();
    }

    /** Extraction ids by submission_id, for a key. */
    public Map<String, UUID> extractionsBySubmissionId(String apiKey) {
        return engine.submissions(account(apiKey));
    }

    /** Extractions of a key running now (processing or waiting for answers). */
    public long runningExtractions(String apiKey) {
        return engine.running(account(apiKey));
    }

    // --- accounts ----------------------------------------------------------------------------------

    /** Sets a key's total credit balance (reservations are kept). */
    public SandboxControl setCredits(String apiKey, long credits) {
        account(apiKey).credits().setBalance(credits);
        return this;
    }

    /** Adds a key (its own account with the starting credits); no-op for a known key. */
    public SandboxControl addApiKey(String apiKey) {
        accounts.add(apiKey);
        return this;
    }

    /** ACTIVE, EXPIRED (401 API_KEY_EXPIRED) or REVOKED (401 API_KEY_REVOKED). */
    public SandboxControl setKeyState(String apiKey, KeyState state) {
        account(apiKey).keyState(state);
        return this;
    }

    public SandboxControl resetCounters(String apiKey) {
        account(apiKey).counters().reset();
        return this;
    }

    /** Refills every bucket of a key's rate limits. */
    public SandboxControl resetRateLimits(String apiKey) {
        account(apiKey).resetRateLimits(new RateLimiter(rateLimitScale));
        return this;
    }

    /** Makes an upload session unavailable: completing its files answers 409 UPLOAD_ID_NOT_FOUND. */
    public boolean expireUploadSession(String apiKey, String uploadSessionId) {
        return uploads.expireSession(account(apiKey), uploadSessionId);
    }

    /** Aborts a file still uploading: completing it answers 409 FILE_ABORTED. */
    public boolean abortFile(String apiKey, String uploadSessionId, String fileId) {
        return uploads.abortFile(account(apiKey), uploadSessionId, fileId);
    }

    // --- faults ------------------------------------------------------------------------------------

    /** The next {@code count} calls of an operation fail with {@code code}, before any state change. */
    public SandboxControl failNext(String operationId, int count, ErrorCode code) {
        faults.failNext(operation(operationId), count, code);
        return this;
    }

    /** Each call of an operation fails with {@code code} with probability {@code rate} (0 turns it off). */
    public SandboxControl failRate(String operationId, double rate, ErrorCode code) {
        faults.failRate(operation(operationId), rate, code);
        return this;
    }

    /** The next {@code count} calls are applied, then the connection is closed without a response. */
    public SandboxControl dropConnectionAfterApply(String operationId, int count) {
        faults.dropConnectionAfterApply(operation(operationId), count);
        return this;
    }

    /** Every call of an operation is answered this much later (zero removes it). */
    public SandboxControl addLatency(String operationId, Duration latency) {
        faults.addLatency(operation(operationId), latency);
        return this;
    }

    /** The next {@code count} calls are answered 429 RATE_LIMITED with this Retry-After. */
    public SandboxControl forceRateLimit(String operationId, int count, Duration retryAfter) {
        faults.forceRateLimit(operation(operationId), count, retryAfter);
        return this;
    }

    /** submitExtraction answers 503 SUBMISSIONS_PAUSED (with details.resumes_at) for this long. */
    public SandboxControl pauseSubmissions(Duration window) {
        faults.pauseSubmissions(window);
        return this;
    }

    /** Every signed URL (part upload, output download) issued so far stops working now. */
    public SandboxControl expireIssuedSignedUrls() {
        faults.expireIssuedSignedUrls();
        return this;
    }

    /** Signed URLs issued from now on live this long ({@code null} restores the documented lifetimes). */
    public SandboxControl signedUrlTtl(Duration ttl) {
        faults.signedUrlTtl(ttl);
        return this;
    }

    /**
     * Every signed URL of {@code operationId} ({@code uploadPart} or {@code downloadOutput}) presented within
     * {@code window} answers 403 "Request has expired", even one issued a moment ago.
     */
    public SandboxControl refuseSignedUrls(String operationId, Duration window) {
        faults.refuseSignedUrls(operation(operationId), window);
        return this;
    }

    /** The next {@code count} extractions to start fail with {@code code} (e.g. CONCURRENT_TASK_LIMIT, SUBMISSION_STALLED). */
    public SandboxControl failNextExtractions(ExtractionFailureCode code, int count) {
        faults.failNextExtractions(code, count);
        return this;
    }

    /** Moves the sandbox clock forward: URL expiry, output retention and answer deadlines see the jump. */
    public SandboxControl advanceClock(Duration amount) {
        clock.advance(amount);
        return this;
    }

    /** Removes every injected fault. */
    public SandboxControl resetFaults() {
        faults.reset();
        return this;
    }

    private Account account(String apiKey) {
        return accounts.require(apiKey);
    }

    static Operation operation(String operationId) {
        return Operation.byOperationId(operationId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown operation: " + operationId));
    }
}
