package org.invoicepipeline.upload.ops;

import java.time.Duration;
import java.util.function.Supplier;

import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.plan.SessionPlanner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the upload planner (step 1 of the stage, a plain consumer thread outside any listener container):
 * DOWN when its thread is dead while it should run, or when it restarted {@code maxRestarts} times within
 * {@code window} (failing in a loop, e.g. a fenced transactional id or an unreachable plan log).
 */
public class UploadPlannerHealthIndicator implements HealthIndicator {

    private final Supplier<SessionPlanner> planner;
    private final Supplier<UploadMetrics> metrics;
    private final int maxRestarts;
    private final Duration window;

    /** @param planner the planner, or a supplier of null when this worker runs without one (planner disabled) */
    public UploadPlannerHealthIndicator(Supplier<SessionPlanner> planner, Supplier<UploadMetrics> metrics,
                                        int maxRestarts, Duration window) {
        this.planner = planner;
        this.metrics = metrics;
        this.maxRestarts = maxRestarts;
        this.window = window;
    }

    @Override
    public Health health() {
        SessionPlanner current = planner.get();
        if (current == null) {
            return Health.up().withDetail("planner", "disabled on this worker").build();
        }
        int restarts = metrics.get().plannerRestartsWithin(window);
        boolean running = current.isRunning();
        boolean alive = current.isThreadAlive();
        Health.Builder health;
        if (running && !alive) {
            health = Health.down().withDetail("reason", "planner thread died");
        }
        else if (restarts >= maxRestarts) {
            health = Health.down().withDetail("reason", "planner restarting in a loop");
        }
        else if (!running) {
            health = Health.down().withDetail("reason", "planner stopped");
        }
        else {
            health = Health.up();
        }
        return health.withDetail("restartsWithin" + window.toMinutes() + "m", restarts).build();
    }
}
