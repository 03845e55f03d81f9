package org.invoicepipeline.local;

import org.invoicepipeline.common.config.ApiClientProperties;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.run.KafkaEnvironment;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.upload.config.UploadWorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher against services it does not start: an already running Kafka ({@code --bootstrap-servers}) and an
 * API at a URL ({@code --api-base-url}; here a sandbox standing in for the real API, its key given the way a
 * deployment would configure {@code pipeline.api.api-key}).
 */
class ExternalServicesIT {

    private static final String KEY = "external-api-key";

    @TempDir
    Path input;

    @TempDir
    Path output;

    @Test
    void runsAgainstAnExternalBrokerAndApi() throws Exception {
        List<SampleInvoice> invoices = PipelineFixture.writeInvoices(input, 200, 3);
        try (KafkaEnvironment kafka = KafkaEnvironment.embedded(3);
             ApiSandbox api = ApiSandbox.builder().apiKey(KEY).credits(100).rateLimitScale(1.0)
                     .pageProcessingTime(Duration.ofMillis(10)).port(0).start()) {
            LaunchOptions options = LaunchOptions.parse(new String[] {
                    "--input", input.toString(), "--output", output.toString(),
                    "--bootstrap-servers", kafka.bootstrapServers(), "--api-base-url", api.baseUrl()});
            Map<Stage, Map<String, String>> key = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) {
                key.put(stage, Map.of(ApiClientProperties.API_KEY, KEY));
            }
            key.put(Stage.UPLOAD, Map.of(ApiClientProperties.API_KEY, KEY, UploadWorkerProperties.PLANNER_LINGER, "300ms"));

            try (LocalPipeline pipeline = LocalPipeline.start(options, key)) {
                assertThat(pipeline.sandbox()).isEmpty();
                pipeline.registerInput();
                PipelineProgress progress = pipeline.awaitAllDone(Duration.ofMinutes(2), Duration.ofMillis(500), p -> { });

                assertThat(progress.allDone()).as("%s", progress).isTrue();
                Map<String, List<ExtractionResult>> results = pipeline.monitor().results();
                for (SampleInvoice invoice : invoices) {
                    PipelineFixture.assertKnownValues(results.get(PipelineFixture.fileIdOf(input, invoice)).get(0), invoice);
                }
            }
            assertThat(api.control().counters(KEY).pagesCharged()).isEqualTo(3);
        }
    }
}
