package org.invoicepipeline.upload.ops;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.plan.SessionPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class UploadPlannerHealthIndicatorTest {

    @ParameterizedTest(name = "running={0} threadAlive={1} restarts={2} -> {3} {4}")
    @CsvSource({
            "true,  true,  0, UP,   ''",
            "true,  true,  2, UP,   ''",
            "true,  true,  3, DOWN, planner restarting in a loop",
            "true,  false, 0, DOWN, planner thread died",
            "false, false, 0, DOWN, planner stopped",
    })
    void readinessOfThePlanner(boolean running, boolean alive, int restarts, String status, String reason) {
        SessionPlanner planner = mock(SessionPlanner.class);
        when(planner.isRunning()).thenReturn(running);
        when(planner.isThreadAlive()).thenReturn(alive);
        UploadMetrics metrics = new UploadMetrics(new SimpleMeterRegistry());
        for (int i = 0; i < restarts; i++) {
            metrics.plannerRestarted();
        }

        Health health = new UploadPlannerHealthIndicator(() -> planner, () -> metrics, 3, Duration.ofMinutes(5)).health();

        assertThat(health.getStatus()).isEqualTo(new Status(status));
        if (!reason.isEmpty()) {
            assertThat(health.getDetails()).containsEntry("reason", reason);
        }
        assertThat(health.getDetails()).containsEntry("restartsWithin5m", restarts);
    }

    @Test
    void aWorkerWithoutAPlannerIsReadyForIt() {
        Health health = new UploadPlannerHealthIndicator(() -> null, () -> null, 3, Duration.ofMinutes(5)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }
}
