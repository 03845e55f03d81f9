package org.invoicepipeline.common.ratelimit.share;

import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.ratelimit.RateLimiterRegistry;
import org.invoicepipeline.common.config.ApiClientProperties;
import org.invoicepipeline.common.kafka.StageErrorHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Cross-instance sharing of the key's limits in a worker app ({@code pipeline.api.rate-limit-sharing.*}): installs
 * the {@link RateLimitSharing} on the client's limiter and wraps the rebalance listener of the stage's listener
 * container factories with a {@link StageShareRebalanceListener} for the app's stage (the one its
 * {@link StageErrorHandling} names). Imported by {@code ApiClientConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitSharingConfiguration {

    /** The key's sharing, or a {@link Disabled} marker in mode {@code none} (a bean cannot be null). */
    @Bean
    public RateLimitSharingHandle rateLimitSharing(ApiClientProperties properties, InvoiceExtractionClient client,
                                                   ObjectProvider<MeterRegistry> meterRegistry) {
        // The client exists first: the limiter below is the one it got from the registry for the same options.
        ClientOptions options = properties.toClientOptions(null);
        RateLimitSharing sharing = RateLimitSharing.install(
                RateLimiterRegistry.forKey(options.baseUrl().toString(), options.apiKey(), options.rateLimits()),
                options.baseUrl().toString(), options.apiKey(), properties.getRateLimitSharing(),
                meterRegistry.getIfAvailable());
        return new RateLimitSharingHandle(sharing);
    }

    @Bean
    public static BeanPostProcessor stageShareRebalanceListeners(ObjectProvider<RateLimitSharingHandle> sharing,
                                                                 ObjectProvider<StageErrorHandling> stage) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
                    StageErrorHandling handling = stage.getIfAvailable();
                    RateLimitSharingHandle handle = sharing.getIfAvailable();
                    if (handling != null && handle != null && handle.sharing() != null) {
                        ContainerProperties container = factory.getContainerProperties();
                        container.setConsumerRebalanceListener(new StageShareRebalanceListener(
                                container.getConsumerRebalanceListener(), handle.stage(handling.stage())));
                    }
                }
                return bean;
            }
        };
    }
}
