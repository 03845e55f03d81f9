package org.invoicepipeline.submit.ops;

import org.invoicepipeline.submit.admission.AdmissionGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The submit stage's part of the operations surface: the {@code submissionHold} readiness detail. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
public class SubmitOpsConfiguration {

    @Bean
    SubmissionHoldHealthIndicator submissionHoldHealthIndicator(ObjectProvider<AdmissionGate> gate) {
        return new SubmissionHoldHealthIndicator(gate::getIfAvailable);
    }
}
