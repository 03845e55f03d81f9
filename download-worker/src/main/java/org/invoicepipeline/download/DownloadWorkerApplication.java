package org.invoicepipeline.download;

import org.invoicepipeline.common.config.AvroTrustedPackages;
import org.invoicepipeline.common.config.YamlDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Stage 4 of the pipeline: turns each ended extraction into stored output files and one ExtractionResult per
 * source file.
 * Defaults live in {@code download-worker-defaults.yml} (not {@code application.yml}, so several workers can share one
 * JVM); anything configured elsewhere (application.yml, environment, arguments) overrides them.
 */
@SpringBootApplication
@PropertySource(value = "classpath:download-worker-defaults.yml", factory = YamlDefaults.class)
public class DownloadWorkerApplication {

    public static void main(String[] args) {
        AvroTrustedPackages.trust();
        SpringApplication.run(DownloadWorkerApplication.class, args);
    }
}
