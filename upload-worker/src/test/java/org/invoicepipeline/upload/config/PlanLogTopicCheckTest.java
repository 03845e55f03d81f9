package org.invoicepipeline.upload.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanLogTopicCheckTest {

    @Test
    void aCompactedTopicOrOneKeptForeverKeepsEveryPlan() {
        assertThat(PlanLogTopicCheck.keepsEveryPlan("compact", "604800000", "-1")).isTrue();
        assertThat(PlanLogTopicCheck.keepsEveryPlan("delete", "-1", "-1")).isTrue();
        assertThat(PlanLogTopicCheck.keepsEveryPlan("compact,delete", "-1", "-1")).isTrue();
    }

    @Test
    void aTopicThatDeletesOldRecordsLosesPlans() {
        assertThat(PlanLogTopicCheck.keepsEveryPlan("delete", "604800000", "-1")).isFalse();
        assertThat(PlanLogTopicCheck.keepsEveryPlan("delete", "-1", "1073741824")).isFalse();
        assertThat(PlanLogTopicCheck.keepsEveryPlan("compact, delete", "604800000", "-1")).isFalse();
        assertThat(PlanLogTopicCheck.keepsEveryPlan(null, null, null)).isFalse();
    }
}
