package org.invoicepipeline.submit;

import org.invoicepipeline.common.config.AvroTrustedPackages;
import org.invoicepipeline.common.config.YamlDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The submit stage: PartsUploaded → admission by credits → submitExtraction → ExtractionSubmitted.
 * Built-in Spring settings live in {@code submit-worker-defaults.yml} (not {@code application.yml}, so
 * several workers can share one JVM); the stage's settings default in {@code SubmitWorkerProperties}.
 */
@SpringBootApplication
@PropertySource(value = "classpath:submit-worker-defaults.yml", factory = YamlDefaults.class)
public class SubmitWorkerApplication {

    public static void main(String[] args) {
        AvroTrustedPackages.trust();
        SpringApplication.run(SubmitWorkerApplication.class, args);
    }
}
