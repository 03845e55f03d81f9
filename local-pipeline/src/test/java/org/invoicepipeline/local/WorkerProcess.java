package org.invoicepipeline.local;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.common.testing.ChildJvm;
import org.invoicepipeline.local.run.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One worker running in its own JVM (the test's class path, the launcher's settings as command-line arguments, the
 * API key in the child's environment only), its output in a log file for diagnosis. Killing it with SIGKILL is a
 * crash as hard as it gets: no offset commit, no flush, no transaction ended.
 */
final class WorkerProcess {

    private final Stage stage;
    private final Process process;
    private final Path log;

    private WorkerProcess(Stage stage, Process process, Path log) {
        this.stage = stage;
        this.process = process;
        this.log = log;
    }

    /** Starts the stage's worker; {@code log} receives its stdout and stderr. */
    static WorkerProcess start(Stage stage, Map<String, String> settings, String apiKey, Path log) throws IOException {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        List<String> command = ChildJvm.command("256m", stage.applicationClassName(), args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put(ClientOptions.API_KEY_ENV, apiKey);
        return new WorkerProcess(stage, builder.start(), log);
    }

    Stage stage() {
        return stage;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True once Spring Boot logged that the application started. */
    boolean hasStarted() {
        String mainClass = stage.applicationClassName();
        return logContains("Started " + mainClass.substring(mainClass.lastIndexOf('.') + 1));
    }

    boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        }
        catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** SIGKILL, then waits until the process is gone; returns whether it died in time. */
    boolean kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor(20, TimeUnit.SECONDS);
    }

    /** A worker that exited by itself (start-up failure, crash) fails the test at once, naming its log. */
    static void assertAllAlive(Collection<WorkerProcess> workers) {
        assertThat(workers).as("workers that exited by themselves")
                .allSatisfy(w -> assertThat(w.isAlive()).as("%s worker (pid %d), log %s", w.stage(), w.pid(),
                        w.log().toAbsolutePath()).isTrue());
    }

    /** Waits until every worker has started; one that exits meanwhile fails the wait at once. */
    static void awaitAllStarted(Collection<WorkerProcess> workers, Duration atMost) {
        await("the four workers to start").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .failFast("a worker exited", () -> assertAllAlive(workers))
                .until(() -> workers.stream().allMatch(WorkerProcess::hasStarted));
    }

    /** Best effort, for clean-up: SIGKILL and a short wait. */
    void killQuietly() {
        try {
            kill();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
