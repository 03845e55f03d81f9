package org.invoicepipeline.submit.ops;

import java.util.function.Supplier;

import org.invoicepipeline.submit.admission.AdmissionGate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness detail of the submit stage's admission: always UP — a stage holding submissions because credits are
 * short or the API pauses submissions is waiting on purpose, and an orchestrator must not restart it — with
 * {@code holding} saying whether it holds now (the reason is in {@code pipeline_submit_admission_holds_total}).
 */
public class SubmissionHoldHealthIndicator implements HealthIndicator {

    private final Supplier<AdmissionGate> gate;

    public SubmissionHoldHealthIndicator(Supplier<AdmissionGate> gate) {
        this.gate = gate;
    }

    @Override
    public Health health() {
        AdmissionGate current = gate.get();
        boolean holding = current != null && current.isHolding();
        return Health.up().withDetail("holding", holding)
                .withDetail("meaning", holding ? "submissions held: credits short or submissions paused by the API"
                        : "submitting").build();
    }
}
