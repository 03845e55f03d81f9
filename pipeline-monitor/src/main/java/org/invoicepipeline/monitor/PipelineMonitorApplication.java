package org.invoicepipeline.monitor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        // Logging levels must be known before @PropertySource defaults load: default properties are (args and env
        // still override them). The admin client and the timestamp reader log every configuration at INFO.
        new SpringApplicationBuilder(PipelineMonitorApplication.class)
                .properties("logging.level.org.apache.kafka=WARN")
                .run(args);
    }
}
