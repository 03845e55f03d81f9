package org.invoicepipeline.local;

import org.invoicepipeline.common.config.ApiClientProperties;
import org.invoicepipeline.common.testing.DeadLetter;
import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.common.testing.TopicSnapshot;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.JsonNumber;
import org.invoicepipeline.local.monitor.PipelineMonitor;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.run.PipelineTopics;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.poll.config.PollWorkerProperties;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.upload.config.UploadWorkerProperties;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers of the cross-stage tests: generated input folders, scaled settings and value checks. */
final class PipelineFixture {

    static final SampleInvoiceGenerator GENERATOR = new SampleInvoiceGenerator();

    private PipelineFixture() {
    }

    /** Writes {@code count} generated invoices (indexes from {@code first}) into {@code dir}. */
    static List<SampleInvoice> writeInvoices(Path dir, int first, int count) throws IOException {
        Files.createDirectories(dir);
        List<SampleInvoice> invoices = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            SampleInvoice invoice = GENERATOR.generate(i);
            Files.write(dir.resolve(invoice.fileName()), GENERATOR.toPdf(invoice));
            invoices.add(invoice);
        }
        return invoices;
    }

    /** Launcher options for tests: sandbox limits scaled, short page time. */
    static LaunchOptions options(Path input, Path output, double scale, Duration pageTime) {
        return LaunchOptions.defaults().withInput(input).withOutput(output).withSandbox(scale, pageTime)
                .withTimeout(Duration.ofMinutes(3));
    }

    /** Worker settings that shorten the clocks of the pipeline for tests. */
    static Map<Stage, Map<String, String>> fastClocks() {
        return Map.of(
                Stage.UPLOAD, Map.of(UploadWorkerProperties.PLANNER_LINGER, "500ms"),
                Stage.POLL, Map.of(PollWorkerProperties.LONG_POLL_WAIT, "5s", PollWorkerProperties.RESUBMIT_DELAY, "200ms",
                        PollWorkerProperties.ERROR_BACKOFF, "200ms"));
    }

    /**
     * Adjusts the launcher's settings for workers run in their own JVMs ({@link WorkerProcess}) that get killed:
     * the key goes in the child's environment, never on its command line; a killed member's partitions and open
     * transaction are released within seconds; the workers' own lines are kept for diagnosis in their log files.
     */
    static void forWorkerProcesses(Map<Stage, Map<String, String>> settings) {
        for (Map<String, String> worker : settings.values()) {
            worker.remove(ApiClientProperties.API_KEY);
            // A killed member leaves its group only when its session times out (the broker's minimum is 6 s).
            worker.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
            worker.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
            // A transaction a killed planner left open blocks read_committed readers until it times out.
            worker.put("spring.kafka.producer.properties.transaction.timeout.ms", "10000");
            // Any free management port: worker JVMs never collide with a local run or another test rig on 8181-8184.
            worker.put("management.server.port", "0");
            worker.put("logging.level.org.invoicepipeline", "INFO");
            worker.put("logging.level.org.apache.kafka", "WARN");
        }
    }

    /**
     * What the launcher passes each worker ({@link LocalPipeline#workerSettings}), with the tests' fast poll clocks
     * and upload sessions of at most {@code maxFilesPerSession} files, adjusted {@link #forWorkerProcesses for
     * worker processes}.
     */
    static Map<Stage, Map<String, String>> workerProcessSettings(LaunchOptions options, String bootstrapServers,
                                                                 ApiSandbox sandbox, int maxFilesPerSession) {
        Map<Stage, Map<String, String>> settings = LocalPipeline.workerSettings(options, bootstrapServers, sandbox,
                options.input().toAbsolutePath().normalize(), options.output().toAbsolutePath().normalize(),
                Map.of(Stage.UPLOAD, Map.of(
                                UploadWorkerProperties.PLANNER_LINGER, "300ms",
                                UploadWorkerProperties.PLANNER_MAX_FILES_PER_SESSION, Integer.toString(maxFilesPerSession)),
                        Stage.POLL, fastClocks().get(Stage.POLL)));
        forWorkerProcesses(settings);
        return settings;
    }

    /** A directory of its own for one run of a test ({@code target/<testName>/<timestamp>}), for its logs and data. */
    static Path runDirectory(String testName) {
        return Path.of("target", testName, DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").format(LocalDateTime.now()));
    }

    /** Registers files found in folders as the launcher does (profile {@code invoices}, batch key {@code local}). */
    static FolderRegistrar registrar(String bootstrapServers) {
        return new FolderRegistrar(bootstrapServers, PipelineTopics.FILES_REGISTERED, "invoices", "local",
                Clock.systemUTC());
    }

    /** Registers every new file of {@code input} and has the monitor expect a result for each; their file ids. */
    static List<String> registerNew(FolderRegistrar registrar, Path input, PipelineMonitor monitor) {
        List<String> fileIds = registrar.registerNew(input).stream().map(FileRegistered::getFileId).toList();
        monitor.expect(fileIds);
        return fileIds;
    }

    /** Closes each in turn (nulls skipped); a failure is printed and does not stop the others closing. */
    static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable != null) {
                try {
                    closeable.close();
                }
                catch (Exception e) {
                    System.err.println("Closing " + closeable.getClass().getSimpleName() + " failed: " + e);
                }
            }
        }
    }

    /**
     * The invariant over everything the run's broker holds: every record of {@code extraction-results} and of every
     * dead-letter topic, for the files registered.
     */
    static ResultInvariant invariant(LocalPipeline pipeline, Collection<String> registered) {
        return invariant(pipeline.bootstrapServers(), registered);
    }

    static ResultInvariant invariant(String bootstrapServers, Collection<String> registered) {
        return ResultInvariant.forRegisteredFiles(registered)
                .resultRecords(TopicSnapshot.read(bootstrapServers, List.of(PipelineTopics.EXTRACTION_RESULTS),
                        Duration.ofSeconds(30)))
                .deadLetters(DeadLetter.of(TopicSnapshot.read(bootstrapServers, PipelineTopics.deadLetterTopics(),
                        Duration.ofSeconds(30))));
    }

    static String fileIdOf(Path dir, SampleInvoice invoice) {
        return FolderRegistrar.fileIdOf(dir.resolve(invoice.fileName()));
    }

    /** The one row of a per-invoice result carries exactly the invoice's known values. */
    static void assertKnownValues(ExtractionResult result, SampleInvoice invoice) {
        assertThat(result.getRows()).as("rows of %s", invoice.fileName()).hasSize(1);
        Map<String, Object> values = result.getRows().get(0).getValues();
        assertThat(values.get("Invoice Number")).isEqualTo(invoice.invoiceNumber());
        assertThat(values.get("Invoice Date")).isEqualTo(invoice.issueDate().toString());
        assertThat(values.get("Due Date")).isEqualTo(invoice.dueDate() == null ? null : invoice.dueDate().toString());
        assertThat(values.get("Vendor Name")).isEqualTo(invoice.vendorName());
        assertThat(values.get("Buyer Name")).isEqualTo(invoice.buyerName());
        assertThat(values.get("Currency")).isEqualTo(invoice.currency());
        assertAmount(values.get("Net Amount"), invoice.netAmount());
        assertAmount(values.get("Tax Amount"), invoice.taxAmount());
        assertAmount(values.get("Total Amount"), invoice.totalAmount());
    }

    private static void assertAmount(Object cell, BigDecimal expected) {
        assertThat(cell).isInstanceOf(JsonNumber.class);
        assertThat(new BigDecimal(((JsonNumber) cell).getValue())).isEqualByComparingTo(expected);
    }
}
