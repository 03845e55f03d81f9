package org.invoicepipeline.common.ops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Counter;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.http.ClientMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The operations surface of a stage worker (active when {@code pipeline.ops.stage} is set, as every worker's
 * built-in defaults do): Kafka client metrics and stage flow metrics for every Kafka client, API credit and
 * in-flight gauges, budget gauges, the readiness checks {@code kafkaCluster}, {@code listenerContainers} and
 * {@code rateLimitWait}, and
 * the {@code pipeline} info contributor.
 */
@AutoConfiguration
@ConditionalOnClass({HealthIndicator.class, InfoContributor.class, MeterRegistry.class, KafkaProperties.class})
@ConditionalOnProperty(prefix = "pipeline.ops", name = "stage")
@EnableConfigurationProperties(PipelineOpsProperties.class)
public class PipelineOpsAutoConfiguration {

    /** Static: a post-processor must not pull the registry (or anything) in early; it is looked up on first use. */
    @Bean
    static KafkaClientInstrumentation pipelineKafkaClientInstrumentation(Environment environment,
                                                                         ObjectProvider<MeterRegistry> registry) {
        return new KafkaClientInstrumentation(environment.getProperty("pipeline.ops.stage", "unknown"),
                registry::getObject,
                environment.getProperty("pipeline.ops.stage-timing-capacity", Integer.class, 100_000));
    }

    /** Wraps the worker's API client to observe credits and statuses (see {@link InstrumentedApiClient}). */
    @Bean
    static BeanPostProcessor pipelineApiClientInstrumentation(ObjectProvider<MeterRegistry> registry,
                                                              ObjectProvider<PipelineOpsProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof InvoiceExtractionClient client)) {
                    return bean;
                }
                MeterRegistry meters = registry.getObject();
                ApiBudgetGauges.register(meters, client.options().rateLimits());
                // Zero 429s is a value, not an absence: the client registers this counter on the first 429 only.
                for (Operation operation : Operation.values()) {
                    Counter.builder(ClientMetrics.RATE_LIMITED).description("HTTP 429 answers received")
                            .tag("operation", operation.operationId()).register(meters);
                }
                return InstrumentedApiClient.wrap(client, new CreditsGauges(meters),
                        new ExtractionsInFlight(meters, Clock.systemUTC(),
                                properties.getObject().getInFlightForgetAfter()));
            }
        };
    }

    @Bean
    KafkaClusterHealthIndicator kafkaClusterHealthIndicator(KafkaProperties kafka, PipelineOpsProperties properties) {
        var configs = kafka.buildAdminProperties();
        configs.put("client.id", "health-" + properties.getStage());
        return new KafkaClusterHealthIndicator(configs, properties.getKafkaCheckTimeout(),
                properties.getKafkaCheckCacheTime());
    }

    /** Containers of the endpoint registry and containers declared as beans (stages build some themselves). */
    @Bean
    ListenerContainersHealthIndicator listenerContainersHealthIndicator(ApplicationContext context,
                                                                         ObjectProvider<KafkaListenerEndpointRegistry> endpoints) {
        return new ListenerContainersHealthIndicator(() -> {
            Collection<MessageListenerContainer> all = new LinkedHashSet<>();
            endpoints.ifAvailable(registry -> all.addAll(registry.getListenerContainers()));
            all.addAll(context.getBeansOfType(MessageListenerContainer.class, false, false).values());
            List<MessageListenerContainer> list = new ArrayList<>(all);
            return list;
        });
    }

    /** Always UP: a rate-limit wait is the client holding on purpose; shown so operators see it. */
    @Bean
    RateLimitWaitHealthIndicator rateLimitWaitHealthIndicator(MeterRegistry registry) {
        return new RateLimitWaitHealthIndicator(registry, 1.0);
    }

    @Bean
    PipelineInfoContributor pipelineInfoContributor(PipelineOpsProperties properties, ApplicationContext context) {
        return new PipelineInfoContributor(properties.getStage(), context);
    }
}
