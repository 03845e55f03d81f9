package org.invoicepipeline.common.ops;

import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.client.ratelimit.RateLimits;

/**
 * The request budget this worker's client allows itself per endpoint group, as a per-second rate
 * ({@value #BUDGET}{group}), so PromQL can divide the permits actually taken
 * ({@code rate(invoice_extraction_client_rate_limit_wait_seconds_count[1m])}) by it: the share of each group's
 * budget in use.
 */
public final class ApiBudgetGauges {

    public static final String BUDGET = "invoice_extraction.client.rate_limit.budget";

    private ApiBudgetGauges() {
    }

    public static void register(MeterRegistry registry, RateLimits limits) {
        if (!limits.enabled()) {
            return;
        }
        double windowSeconds = limits.window().toNanos() / 1e9;
        for (EndpointGroup group : EndpointGroup.values()) {
            double perSecond = limits.requestsPerWindow(group) / windowSeconds;
            Gauge.builder(BUDGET, () -> perSecond).baseUnit("requests_per_second")
                    .tag("group", group.name().toLowerCase(Locale.ROOT))
                    .description("Requests per second this client allows itself in the endpoint group")
                    .register(registry);
        }
    }
}
