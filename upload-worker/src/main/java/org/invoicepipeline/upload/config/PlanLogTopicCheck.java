package org.invoicepipeline.upload.config;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Warns at start when the plan log may lose plans. The planner skips a file registered again against the plans
 * it finds in the log; a plan deleted by retention no longer protects its files, so the topic should be
 * compacted (as the stage creates it) or kept forever. A topic created by someone else is not altered here.
 */
final class PlanLogTopicCheck implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(PlanLogTopicCheck.class);

    private final KafkaAdmin kafkaAdmin;
    private final String topic;

    PlanLogTopicCheck(KafkaAdmin kafkaAdmin, String topic) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = topic;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            String policy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
            String retentionMs = value(config, TopicConfig.RETENTION_MS_CONFIG);
            String retentionBytes = value(config, TopicConfig.RETENTION_BYTES_CONFIG);
            if (!keepsEveryPlan(policy, retentionMs, retentionBytes)) {
                log.warn("plan log {} has cleanup.policy={}, retention.ms={}, retention.bytes={}: plans deleted by retention"
                        + " no longer stop a file registered again from being uploaded twice; set cleanup.policy=compact",
                        topic, policy, retentionMs, retentionBytes);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            log.info("could not check the retention of plan log {}: {}", topic, e.toString());
        }
    }

    /** Whether a topic with these settings keeps the latest record of every key forever. */
    static boolean keepsEveryPlan(String cleanupPolicy, String retentionMs, String retentionBytes) {
        List<String> policies = cleanupPolicy == null ? List.of()
                : List.of(cleanupPolicy.replace(" ", "").split(","));
        boolean deletes = policies.contains(TopicConfig.CLEANUP_POLICY_DELETE);
        boolean compacts = policies.contains(TopicConfig.CLEANUP_POLICY_COMPACT);
        boolean unlimited = "-1".equals(retentionMs) && "-1".equals(retentionBytes);
        return unlimited || (compacts && !deletes);
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry == null ? null : entry.value();
    }
}
