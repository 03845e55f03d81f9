package org.invoicepipeline.common.ops;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.invoicepipeline.client.http.ClientMetrics;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness detail of the API client's own rate limiting: always UP — waiting for a permit is the client keeping to
 * the API's limits on purpose — with the longest recent wait per endpoint group (the permit timer's decaying max,
 * about the last two minutes) and {@code waiting} when one exceeded {@code waitingAbove}. Reads the meters the
 * client already records; never calls the API.
 */
public class RateLimitWaitHealthIndicator implements HealthIndicator {

    private final MeterRegistry registry;
    private final double waitingAboveSeconds;

    public RateLimitWaitHealthIndicator(MeterRegistry registry, double waitingAboveSeconds) {
        this.registry = registry;
        this.waitingAboveSeconds = waitingAboveSeconds;
    }

    @Override
    public Health health() {
        Map<String, String> longest = new TreeMap<>();
        boolean waiting = false;
        for (Timer timer : registry.find(ClientMetrics.RATE_LIMIT_WAIT).timers()) {
            double seconds = timer.max(TimeUnit.SECONDS);
            String group = timer.getId().getTag("group");
            longest.put(group == null ? "unknown" : group, String.format(Locale.ROOT, "%.1fs", seconds));
            waiting |= seconds > waitingAboveSeconds;
        }
        return Health.up().withDetail("waiting", waiting).withDetail("longestRecentWait", longest).build();
    }
}
