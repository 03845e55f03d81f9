package org.invoicepipeline.local;

import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The end-to-end run ({@link EndToEndIT}'s happy path) against the broker docker/compose.yaml deploys: the official
 * {@code apache/kafka} image in KRaft mode, started by Testcontainers, instead of the embedded broker. Runs where a
 * Docker engine is reachable ({@code DOCKER_HOST} or {@code /var/run/docker.sock}); skipped with that reason
 * elsewhere, as on the CI machines. Run it alone with
 * {@code ./mvnw -B -pl local-pipeline -am verify -Dtest=NONE -Dit.test=ContainerizedKafkaEndToEndIT
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dkafka.image=apache/kafka:<tag>} tries another broker version.
 */
class ContainerizedKafkaEndToEndIT {

    /** The compose file's default broker image. */
    static final String KAFKA_IMAGE = System.getProperty("kafka.image", "apache/kafka:4.2.1");

    @TempDir
    Path input;

    @TempDir
    Path output;

    /** Per test, not per class: the skip then shows in the reports as a skipped test with this reason. */
    @BeforeEach
    void requireDocker() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "No Docker engine reachable (DOCKER_HOST, /var/run/docker.sock): the Testcontainers variant of the "
                        + "end-to-end test runs only where one is; EndToEndIT covers the pipeline with an embedded broker");
    }

    @Test
    void invoicesComeOutWithTheirKnownValuesThroughTheApacheKafkaImage() throws Exception {
        List<SampleInvoice> invoices = PipelineFixture.writeInvoices(input, 300, 4);
        try (KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))) {
            kafka.start();
            LaunchOptions options = LaunchOptions.parse(new String[] {
                    "--input", input.toString(), "--output", output.toString(),
                    "--bootstrap-servers", kafka.getBootstrapServers(),
                    "--sandbox-rate-limit-scale", "60", "--sandbox-page-time", "20ms", "--timeout", "3m"});
            Map<Stage, Map<String, String>> settings = new HashMap<>(PipelineFixture.fastClocks());
            try (LocalPipeline pipeline = LocalPipeline.start(options, settings)) {
                List<String> registered = pipeline.registerInput().stream().map(FileRegistered::getFileId).toList();
                assertThat(registered).hasSize(invoices.size());

                PipelineProgress progress = pipeline.awaitAllDone(Duration.ofMinutes(3), Duration.ofMillis(500), p -> { });

                assertThat(progress.allDone()).as("every file ended: %s", progress).isTrue();
                Thread.sleep(1_000); // a quiet period: a replay published late would still count
                System.out.println("invariant: " + PipelineFixture.invariant(pipeline, registered)
                        .expectAll(ResultStatus.EXTRACTED).check());
                Map<String, List<ExtractionResult>> results = pipeline.monitor().results();
                for (SampleInvoice invoice : invoices) {
                    PipelineFixture.assertKnownValues(results.get(PipelineFixture.fileIdOf(input, invoice)).get(0), invoice);
                }
            }
        }
    }
}
