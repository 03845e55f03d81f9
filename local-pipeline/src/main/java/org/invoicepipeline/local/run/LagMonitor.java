package org.invoicepipeline.local.run;

import org.invoicepipeline.monitor.MonitorProperties;
import org.invoicepipeline.monitor.PipelineMonitorApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pipeline monitor (consumer lag in records and seconds, dead-letter topics, for Prometheus) in this JVM, on its
 * management port (8180 when free, else a free one, unless {@code settings} fix it), watching the local run's broker.
 */
public final class LagMonitor implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    /** The pipeline monitor's documented management port. */
    public static final int DEFAULT_PORT = 8180;

    private LagMonitor(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The management port it serves: {@link #DEFAULT_PORT} when that was free, else a free one. */
    public int managementPort() {
        return ManagementPorts.boundPort(context);
    }

    /** @param settings monitor settings winning over the defaults, e.g. {@code management.server.port} */
    public static LagMonitor start(String bootstrapServers, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(MonitorProperties.BOOTSTRAP_SERVERS, bootstrapServers);
        all.put(MonitorProperties.POLL_INTERVAL, "5s");
        all.putAll(LibraryLogLevels.quiet());
        all.putAll(settings);
        return new LagMonitor(ManagementPorts.run(() -> new SpringApplicationBuilder(PipelineMonitorApplication.class)
                .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .registerShutdownHook(false), all, DEFAULT_PORT));
    }

    @Override
    public void close() {
        context.close();
    }
}
