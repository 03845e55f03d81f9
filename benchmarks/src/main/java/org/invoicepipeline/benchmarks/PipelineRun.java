package org.invoicepipeline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.invoicepipeline.local.LaunchOptions;
import org.invoicepipeline.local.LocalPipeline;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.sandbox.http.Operation;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;

/** One run of the whole local pipeline (embedded broker, sandbox, four workers in this JVM) on generated invoices. */
final class PipelineRun implements AutoCloseable {

    static final SampleInvoiceGenerator GENERATOR = new SampleInvoiceGenerator();

    final LocalPipeline pipeline;
    final Path input;

    private PipelineRun(LocalPipeline pipeline, Path input) {
        this.pipeline = pipeline;
        this.input = input;
    }

    /**
     * @param scale      the sandbox's rate-limit scale (1 = documented limits, 0 = none); the client follows it
     * @param latency    added to every API and storage call of the sandbox
     */
    static PipelineRun start(Path work, double scale, Duration pageTime, Duration latency,
                             Map<Stage, Map<String, String>> settings) throws IOException {
        Path input = Files.createDirectories(work.resolve("input"));
        Path output = Files.createDirectories(work.resolve("output"));
        LaunchOptions options = LaunchOptions.defaults().withInput(input).withOutput(output)
                .withSandbox(scale, pageTime).withTimeout(Duration.ofMinutes(30));
        LocalPipeline pipeline = LocalPipeline.start(options, settings);
        addLatency(pipeline.sandbox().orElseThrow(), latency);
        return new PipelineRun(pipeline, input);
    }

    static void addLatency(ApiSandbox sandbox, Duration latency) {
        if (!latency.isZero()) {
            for (Operation operation : Operation.values()) {
                sandbox.control().addLatency(operation.operationId(), latency);
            }
        }
    }

    /** Settings of every stage plus the given ones. */
    static Map<Stage, Map<String, String>> settings(Map<Stage, Map<String, String>> perStage) {
        Map<Stage, Map<String, String>> all = new HashMap<>();
        perStage.forEach((stage, values) -> all.put(stage, new HashMap<>(values)));
        return all;
    }

    static void writeInvoices(Path dir, int first, int count) throws IOException {
        for (int i = first; i < first + count; i++) {
            SampleInvoice invoice = GENERATOR.generate(i);
            Files.write(dir.resolve(invoice.fileName()), GENERATOR.toPdf(invoice));
        }
    }

    AccountCounters counters() {
        return pipeline.sandbox().orElseThrow().control().counters(LocalPipeline.SANDBOX_API_KEY);
    }

    PipelineProgress awaitAllDone(Duration timeout) throws InterruptedException {
        long[] lastPrint = {System.nanoTime()};
        return pipeline.awaitAllDone(timeout, Duration.ofSeconds(1), progress -> {
            if (System.nanoTime() - lastPrint[0] > 15_000_000_000L) {
                lastPrint[0] = System.nanoTime();
                System.out.println("  " + progress.line());
            }
        });
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
