package org.invoicepipeline.local.run;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.EnumMap;
import java.util.Map;

/**
 * The four workers in this JVM, one Spring application context each (serving only its management port: the
 * documented default when free, else a free one, see {@link ManagementPorts}), configured through
 * command-line style arguments so they win over each worker's built-in defaults. Each can be stopped and started
 * again on its own, which is how the restart tests simulate a crashed worker.
 */
public final class PipelineWorkers implements AutoCloseable {

    private final Map<Stage, Map<String, String>> settings;
    private final Map<Stage, ConfigurableApplicationContext> running = new EnumMap<>(Stage.class);
    /** The management port each worker bound last; a restart asks for the same one again. */
    private final Map<Stage, Integer> ports = new EnumMap<>(Stage.class);

    /** @param settings every worker's settings (see {@code LocalPipeline.workerSettings}) */
    public PipelineWorkers(Map<Stage, Map<String, String>> settings) {
        this.settings = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            this.settings.put(stage, Map.copyOf(settings.getOrDefault(stage, Map.of())));
        }
    }

    public synchronized void startAll() {
        for (Stage stage : Stage.values()) {
            start(stage);
        }
    }

    public synchronized void start(Stage stage) {
        if (running.containsKey(stage)) {
            return;
        }
        ConfigurableApplicationContext context = ManagementPorts.run(() -> new SpringApplicationBuilder(stage.applicationClass())
                        .web(WebApplicationType.SERVLET)
                        .bannerMode(Banner.Mode.OFF)
                        .logStartupInfo(false)
                        .registerShutdownHook(false), settings.get(stage),
                ports.getOrDefault(stage, stage.defaultManagementPort()));
        running.put(stage, context);
        ports.put(stage, ManagementPorts.boundPort(context));
    }

    /**
     * The management port of each worker started so far: its default (8181-8184) when it was free, else a free
     * one ({@link ManagementPorts}).
     */
    public synchronized Map<Stage, Integer> managementPorts() {
        return new EnumMap<>(ports);
    }

    /** Stops one worker as a crash would look to Kafka: its uncommitted records are delivered again later. */
    public synchronized void stop(Stage stage) {
        ConfigurableApplicationContext context = running.remove(stage);
        if (context != null) {
            context.close();
        }
    }

    public synchronized void restart(Stage stage) {
        stop(stage);
        start(stage);
    }

    /** Stops every worker, last stage first. */
    @Override
    public synchronized void close() {
        Stage[] stages = Stage.values();
        for (int i = stages.length - 1; i >= 0; i--) {
            stop(stages[i]);
        }
    }
}
