package org.invoicepipeline.client.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.ratelimit.EndpointGroup;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's Micrometer meters. Tags carry operation ids, groups and error codes only; never a key or URL.
 * Without a registry every method does nothing.
 */
public final class ClientMetrics {

    /** Timer per call (retries included); tags {@code operation}, {@code outcome}. */
    public static final String REQUESTS = "invoice_extraction.client.requests";
    /** Counter of retried attempts; tags {@code operation}, {@code reason}. */
    public static final String RETRIES = "invoice_extraction.client.retries";
    /** Counter of 429 answers received; tag {@code operation}. */
    public static final String RATE_LIMITED = "invoice_extraction.client.rate_limited";
    /** Timer of the wait for a rate-limit permit; tag {@code group}. */
    public static final String RATE_LIMIT_WAIT = "invoice_extraction.client.rate_limit.wait";
    /** Outcome tag of a successful call. */
    public static final String SUCCESS = "success";
    /** Outcome tag of a call that got no HTTP answer. */
    public static final String IO_ERROR = "IO_ERROR";

    private final MeterRegistry registry;
    // Every call records here: keep the meters instead of building and registering them each time.
    private final Map<CallTags, Timer> calls = new ConcurrentHashMap<>();
    private final Map<CallTags, Counter> retries = new ConcurrentHashMap<>();
    private final Map<Operation, Counter> rateLimited = new ConcurrentHashMap<>();
    private final Map<EndpointGroup, Timer> permitWaits = new ConcurrentHashMap<>();

    public ClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recordCall(Operation operation, String outcome, Duration duration) {
        if (registry != null) {
            calls.computeIfAbsent(new CallTags(operation, outcome), tags -> Timer.builder(REQUESTS)
                    .description("Calls of the extraction API by operation and outcome (success or error code)")
                    .tag("operation", operation.operationId())
                    .tag("outcome", outcome)
                    .register(registry))
                    .record(duration);
        }
    }

    public void recordRetry(Operation operation, String reason) {
        if (registry != null) {
            retries.computeIfAbsent(new CallTags(operation, reason), tags -> Counter.builder(RETRIES)
                    .tag("operation", operation.operationId()).tag("reason", reason)
                    .register(registry)).increment();
        }
    }

    public void recordRateLimited(Operation operation) {
        if (registry != null) {
            rateLimited.computeIfAbsent(operation, op -> Counter.builder(RATE_LIMITED)
                    .description("HTTP 429 answers received")
                    .tag("operation", op.operationId()).register(registry)).increment();
        }
    }

    public void recordPermitWait(EndpointGroup group, Duration waited) {
        if (registry != null) {
            permitWaits.computeIfAbsent(group, g -> Timer.builder(RATE_LIMIT_WAIT)
                    .description("Time spent waiting for a client-side rate-limit permit")
                    .tag("group", g.name().toLowerCase(Locale.ROOT))
                    .register(registry)).record(waited);
        }
    }

    /** An operation with its second tag (outcome or retry reason). */
    private record CallTags(Operation operation, String tag) {
    }
}
