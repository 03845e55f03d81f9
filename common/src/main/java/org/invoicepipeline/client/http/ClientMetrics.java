package org.invoicepipeline.client.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.ratelimit.EndpointGroup;

import java.time.Duration;

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

    public ClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recordCall(Operation operation, String outcome, Duration duration) {
        if (registry != null) {
            Timer.builder(REQUESTS)
                    .description("Calls of the extraction API by operation and outcome (success or error code)")
                    .tag("operation", operation.operationId())
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(duration);
        }
    }

    public void recordRetry(Operation operation, String reason) {
        if (registry != null) {
            Counter.builder(RETRIES).tag("operation", operation.operationId()).tag("reason", reason)
                    .register(registry).increment();
        }
    }

    public void recordRateLimited(Operation operation) {
        if (registry != null) {
            Counter.builder(RATE_LIMITED).description("HTTP 429 answers received")
                    .tag("operation", operation.operationId()).register(registry).increment();
        }
    }

    public void recordPermitWait(EndpointGroup group, Duration waited) {
        if (registry != null) {
            Timer.builder(RATE_LIMIT_WAIT).description("Time spent waiting for a client-side rate-limit permit")
                    .tag("group", group.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry).record(waited);
        }
    }
}
