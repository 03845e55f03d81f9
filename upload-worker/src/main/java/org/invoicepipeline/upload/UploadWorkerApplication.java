package org.invoicepipeline.upload;

import org.invoicepipeline.common.config.AvroTrustedPackages;
import org.invoicepipeline.common.config.YamlDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The upload stage: FileRegistered → validated, planned, uploaded upload sessions → PartsUploaded.
 * Defaults live in {@code upload-worker-defaults.yml} (not {@code application.yml}, so several workers can
 * share one JVM); anything configured elsewhere overrides them.
 */
@SpringBootApplication
@PropertySource(value = "classpath:upload-worker-defaults.yml", factory = YamlDefaults.class)
public class UploadWorkerApplication {

    public static void main(String[] args) {
        AvroTrustedPackages.trust();
        SpringApplication.run(UploadWorkerApplication.class, args);
    }
}
