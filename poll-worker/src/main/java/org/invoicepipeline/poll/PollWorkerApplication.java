package org.invoicepipeline.poll;

import org.invoicepipeline.common.config.AvroTrustedPackages;
import org.invoicepipeline.common.config.YamlDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Stage 3 of the pipeline: waits for submitted extractions to end and publishes ExtractionCompleted.
 * Defaults live in {@code poll-worker-defaults.yml} (not {@code application.yml}, so several workers can share one
 * JVM); anything configured elsewhere (application.yml, environment, arguments) overrides them.
 */
@SpringBootApplication
@PropertySource(value = "classpath:poll-worker-defaults.yml", factory = YamlDefaults.class)
public class PollWorkerApplication {

    public static void main(String[] args) {
        AvroTrustedPackages.trust();
        SpringApplication.run(PollWorkerApplication.class, args);
    }
}
