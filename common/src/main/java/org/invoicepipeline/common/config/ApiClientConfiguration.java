package org.invoicepipeline.common.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.invoicepipeline.common.ratelimit.share.RateLimitSharingConfiguration;

/**
 * The shared client bean of a worker app: {@code @Import(ApiClientConfiguration.class)}. One client per
 * application context; the client's rate limiters are shared per key across the JVM anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiClientProperties.class)
@Import(RateLimitSharingConfiguration.class)
public class ApiClientConfiguration {

    @Bean(destroyMethod = "close")
    public InvoiceExtractionClient invoiceExtractionClient(ApiClientProperties properties,
                                                           ObjectProvider<MeterRegistry> meterRegistry) {
        return InvoiceExtractionClient.create(properties.toClientOptions(meterRegistry.getIfAvailable()));
    }
}
