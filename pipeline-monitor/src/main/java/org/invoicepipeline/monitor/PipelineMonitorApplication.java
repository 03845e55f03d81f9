package org.invoicepipeline.monitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The pipeline monitor: reads consumer group offsets and topic ends from the brokers and serves them as
 * Prometheus metrics on its management port. It consumes nothing as a group member, so its numbers stay
 * right when a stage worker is down.
 */
@SpringBootApplication
@PropertySource(value = "classpath:pipeline-monitor-defaults.yml", factory = MonitorDefaults.class)
public class PipelineMonitorApplication {

    public static void main(String[] args) {
        SpringApplication.run(PipelineMonitorApplication.class, args);
    }
}
