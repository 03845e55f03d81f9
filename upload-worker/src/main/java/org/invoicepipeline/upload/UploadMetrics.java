package org.invoicepipeline.upload;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.common.ops.RecentEvents;

/** The upload stage's meters (all prefixed {@code pipeline.upload.}). */
public class UploadMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter sessionsPlanned;
    private final Counter sessionsUploaded;
    private final Counter filesCompleted;
    private final Counter filesFailed;
    private final Counter duplicates;
    private final Counter plannerRestarts;
    private final RecentEvents recentPlannerRestarts = new RecentEvents(Clock.systemUTC(), 100);

    public UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("pipeline.upload.files.validated").tag("outcome", "accepted")
                .description("FileRegistered events validated, by outcome").register(registry);
        this.sessionsPlanned = Counter.builder("pipeline.upload.sessions.planned")
                .description("Upload sessions planned and persisted").register(registry);
        this.sessionsUploaded = Counter.builder("pipeline.upload.sessions.uploaded")
                .description("Upload sessions uploaded and published as PartsUploaded").register(registry);
        this.filesCompleted = Counter.builder("pipeline.upload.files.uploaded").tag("outcome", "completed")
                .description("Files completed in an upload session").register(registry);
        this.filesFailed = Counter.builder("pipeline.upload.files.uploaded").tag("outcome", "failed")
                .description("Files an upload session could not complete").register(registry);
        this.duplicates = Counter.builder("pipeline.upload.files.duplicate")
                .description("FileRegistered events skipped because their file id was already planned or waiting")
                .register(registry);
        this.plannerRestarts = Counter.builder("pipeline.upload.planner.restarts")
                .description("Times the upload planner dropped its clients after a failure and started over")
                .register(registry);
    }

    public void fileAccepted() {
        accepted.increment();
    }

    public void fileRejected(String code) {
        Counter.builder("pipeline.upload.files.validated").tag("outcome", "rejected")
                .description("FileRegistered events validated, by outcome").register(registry).increment();
        Counter.builder("pipeline.upload.files.rejected").tag("code", code)
                .description("FileRegistered events dead-lettered before planning, by code").register(registry).increment();
        Counter.builder("pipeline.dead.letters").tag("stage", "upload").tag("code", code)
                .description("Records a stage gave up on and wrote to its dead-letter topic").register(registry).increment();
    }

    /** The planner failed and starts over from the committed offsets. */
    public void plannerRestarted() {
        plannerRestarts.increment();
        recentPlannerRestarts.record();
    }

    /** Planner restarts within the last {@code window} (readiness: a planner restarting in a loop is not working). */
    public int plannerRestartsWithin(Duration window) {
        return recentPlannerRestarts.countWithin(window);
    }

    /** A registration of a file id already planned (or waiting to be): skipped, not dead-lettered. */
    public void fileDuplicate() {
        duplicates.increment();
    }

    public void sessionPlanned() {
        sessionsPlanned.increment();
    }

    public void sessionUploaded(int completed, int failed) {
        sessionsUploaded.increment();
        filesCompleted.increment(completed);
        filesFailed.increment(failed);
    }

    /** Files validated but not yet planned. */
    public void waitingFiles(Supplier<Number> waiting) {
        Gauge.builder("pipeline.upload.planner.waiting.files", waiting)
                .description("Valid files waiting to be grouped into an upload session").register(registry);
    }

    /** File ids the planner knows as planned (its duplicate index). */
    public void plannedFiles(Supplier<Number> planned) {
        Gauge.builder("pipeline.upload.planner.planned.files", planned)
                .description("File ids already planned, remembered to skip registrations of the same file").register(registry);
    }
}
