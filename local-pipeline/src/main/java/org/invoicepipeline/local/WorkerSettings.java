package org.invoicepipeline.local;

import org.invoicepipeline.common.config.ApiClientProperties;
import org.invoicepipeline.common.profile.ExtractionProfiles;
import org.invoicepipeline.download.config.DownloadWorkerProperties;
import org.invoicepipeline.local.run.LibraryLogLevels;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.poll.config.PollWorkerProperties;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.submit.config.SubmitWorkerProperties;
import org.invoicepipeline.upload.config.UploadWorkerProperties;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings the launcher passes each worker, named by the key constants of the workers' properties classes (a
 * renamed property breaks this at compile time): Kafka, API and profile for all, then each stage's own.
 */
final class WorkerSettings {

    private WorkerSettings() {
    }

    /** See {@link LocalPipeline#workerSettings}. */
    static Map<Stage, Map<String, String>> of(LaunchOptions options, String bootstrapServers, ApiSandbox sandbox,
                                              Path input, Path output, Map<Stage, Map<String, String>> extraSettings) {
        Map<String, String> common = commonSettings(options, bootstrapServers, sandbox);
        Map<Stage, Map<String, String>> settings = stageSettings(options, input, output, extraSettings);
        settings.replaceAll((stage, own) -> {
            Map<String, String> merged = new LinkedHashMap<>(common);
            merged.putAll(own);
            return merged;
        });
        return settings;
    }

    private static Map<String, String> commonSettings(LaunchOptions options, String bootstrapServers, ApiSandbox sandbox) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", bootstrapServers);
        settings.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        if (sandbox != null) {
            settings.put(ApiClientProperties.BASE_URL, sandbox.baseUrl());
            settings.put(ApiClientProperties.API_KEY, LocalPipeline.SANDBOX_API_KEY);
            settings.put(ApiClientProperties.RATE_LIMIT_SCALE, String.valueOf(options.sandboxRateLimitScale()));
        }
        else {
            // The key comes from INVOICE_DATA_EXTRACTION_API_KEY; it is never passed around or logged.
            settings.put(ApiClientProperties.BASE_URL, options.apiBaseUrl());
        }
        String profile = options.profile();
        settings.put(ExtractionProfiles.profileKey(profile, "task-name"), "Local pipeline");
        settings.put(ExtractionProfiles.profileKey(profile, "prompt"), "Extract invoice number, invoice date, "
                + "due date, vendor name, buyer name, currency, net amount, tax amount and total amount");
        settings.put(ExtractionProfiles.profileKey(profile, "output-structure"), "per_invoice");
        String level = options.verbose() ? "INFO" : "WARN";
        settings.put("logging.level.org.invoicepipeline", level);
        settings.putAll(LibraryLogLevels.quiet());
        settings.put("logging.level.kafka", "ERROR");
        return settings;
    }

    private static Map<Stage, Map<String, String>> stageSettings(LaunchOptions options, Path input, Path output,
                                                                 Map<Stage, Map<String, String>> extra) {
        Map<Stage, Map<String, String>> settings = new EnumMap<>(Stage.class);
        Map<String, String> upload = new LinkedHashMap<>();
        upload.put(UploadWorkerProperties.validationAllowedRoot(0), input.toString());
        upload.put(UploadWorkerProperties.PLANNER_LINGER, "1s");
        upload.put(UploadWorkerProperties.TOPICS_PARTITIONS, String.valueOf(LocalPipeline.PARTITIONS));
        settings.put(Stage.UPLOAD, upload);
        Map<String, String> submit = new LinkedHashMap<>();
        submit.put(SubmitWorkerProperties.TOPICS_PARTITIONS, String.valueOf(LocalPipeline.PARTITIONS));
        settings.put(Stage.SUBMIT, submit);
        Map<String, String> poll = new LinkedHashMap<>();
        if (options.usesSandbox() && options.sandboxRateLimitScale() > 1) {
            long resubmitMillis = Math.max(100, (long) (30_000 / options.sandboxRateLimitScale()));
            poll.put(PollWorkerProperties.RESUBMIT_DELAY, resubmitMillis + "ms");
        }
        settings.put(Stage.POLL, poll);
        Map<String, String> download = new LinkedHashMap<>();
        download.put(DownloadWorkerProperties.OUTPUT_DIRECTORY, output.toString());
        settings.put(Stage.DOWNLOAD, download);
        extra.forEach((stage, values) -> settings.get(stage).putAll(values));
        return settings;
    }
}
