package org.invoicepipeline.upload.ops;

import java.time.Duration;

import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.plan.SessionPlanner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The upload stage's part of the operations surface: the planner's readiness check ({@code uploadPlanner}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
public class UploadOpsConfiguration {

    /** Three restarts within five minutes: one failure is a blip, a loop is not. */
    @Bean
    UploadPlannerHealthIndicator uploadPlannerHealthIndicator(ObjectProvider<SessionPlanner> planner,
                                                              ObjectProvider<UploadMetrics> metrics) {
        return new UploadPlannerHealthIndicator(planner::getIfAvailable, metrics::getObject, 3, Duration.ofMinutes(5));
    }
}
