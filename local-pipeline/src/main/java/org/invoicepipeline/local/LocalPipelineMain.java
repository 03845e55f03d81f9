package org.invoicepipeline.local;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.common.config.AvroTrustedPackages;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.run.LagMonitor;

import java.time.Duration;
import java.util.Map;

/**
 * One command for the whole pipeline: starts Kafka, the API sandbox (or uses the real API), the four workers and
 * the pipeline monitor (lag for Prometheus, port 8180), registers every file of the input folder, shows progress,
 * prints a summary and exits 0 when every file has a result or a dead letter (1 on timeout, 2 on bad arguments). With {@code --watch} it keeps running and registers
 * files as they appear.
 */
public final class LocalPipelineMain {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private LocalPipelineMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (!options.usesSandbox() && System.getenv(ClientOptions.API_KEY_ENV) == null) {
            System.err.println("--api-base-url needs the API key in the environment variable " + ClientOptions.API_KEY_ENV);
            System.exit(2);
            return;
        }
        AvroTrustedPackages.trust();
        System.exit(run(options));
    }

    /** Runs the pipeline; returns the process exit code. */
    static int run(LaunchOptions options) throws Exception {
        System.out.println("Starting Kafka (" + (options.usesEmbeddedBroker() ? "embedded KRaft broker" : options.bootstrapServers())
                + "), the API (" + (options.usesSandbox() ? "in-process sandbox" : options.apiBaseUrl()) + ") and the four workers...");
        try (LocalPipeline pipeline = LocalPipeline.start(options);
             LagMonitor lag = LagMonitor.start(pipeline.bootstrapServers(), Map.of())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                lag.close();
                pipeline.close();
            }, "local-pipeline-shutdown"));
            int registered = pipeline.registerInput().size();
            System.out.println("Registered " + registered + " file(s) from " + pipeline.inputDir());
            if (options.watch()) {
                watch(pipeline);
                return 0;
            }
            PipelineProgress progress = pipeline.awaitAllDone(options.timeout(), PROGRESS_EVERY,
                    p -> System.out.println(p.line()));
            RunSummary summary = new RunSummary(progress, pipeline.elapsed(), pipeline.outputDir());
            summary.print(System.out);
            summary.write();
            return summary.complete() ? 0 : 1;
        }
    }

    private static void watch(LocalPipeline pipeline) throws InterruptedException {
        System.out.println("Watching " + pipeline.inputDir() + " for new files (Ctrl-C to stop)");
        String last = "";
        while (!Thread.currentThread().isInterrupted()) {
            int added = pipeline.registerInput().size();
            if (added > 0) {
                System.out.println("Registered " + added + " new file(s)");
            }
            String line = pipeline.progress().line();
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            Thread.sleep(PROGRESS_EVERY.toMillis());
        }
    }
}
