package org.invoicepipeline.common.ops;

import java.time.Duration;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.http.ClientMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitWaitHealthIndicatorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aClientWaitingForPermitsStaysReadyAndSaysSo() {
        RateLimitWaitHealthIndicator indicator = new RateLimitWaitHealthIndicator(registry, 1.0);
        assertThat(indicator.health().getDetails()).containsEntry("waiting", false);

        Timer.builder(ClientMetrics.RATE_LIMIT_WAIT).tag("group", "status").register(registry).record(Duration.ofMillis(200));
        assertThat(indicator.health().getDetails()).containsEntry("waiting", false);

        Timer.builder(ClientMetrics.RATE_LIMIT_WAIT).tag("group", "submit").register(registry).record(Duration.ofSeconds(12));
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("waiting", true);
        assertThat(health.getDetails().get("longestRecentWait").toString()).contains("submit=12.0s", "status=0.2s");
    }
}
