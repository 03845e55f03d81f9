package org.invoicepipeline.monitor;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the monitor: one admin client, one timestamp reader, the poller and its meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitorProperties.class)
class MonitorConfiguration {

    static Map<String, Object> clientConfigs(MonitorProperties properties, String clientId) {
        Map<String, Object> configs = new HashMap<>(properties.getKafka());
        configs.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.getBootstrapServers());
        configs.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        configs.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.getRequestTimeout().toMillis());
        configs.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) properties.getRequestTimeout().toMillis());
        return configs;
    }

    @Bean(destroyMethod = "close")
    Admin monitorAdmin(MonitorProperties properties) {
        return Admin.create(clientConfigs(properties, "pipeline-monitor"));
    }

    @Bean(destroyMethod = "close")
    OldestRecordReader oldestRecordReader(MonitorProperties properties) {
        return new OldestRecordReader(clientConfigs(properties, "pipeline-monitor-timestamps"),
                properties.getRequestTimeout());
    }

    @Bean
    MonitorMetrics monitorMetrics(MeterRegistry registry) {
        return new MonitorMetrics(registry);
    }

    @Bean
    LagPoller lagPoller(MonitorProperties properties, Admin monitorAdmin, OldestRecordReader oldestRecordReader,
                        MonitorMetrics metrics) {
        return new LagPoller(properties, new BrokerOffsets(monitorAdmin, properties.getRequestTimeout()),
                oldestRecordReader, metrics, Clock.systemUTC());
    }
}
