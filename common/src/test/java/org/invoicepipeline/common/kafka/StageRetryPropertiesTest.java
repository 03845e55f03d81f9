package org.invoicepipeline.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StageRetryPropertiesTest {

    @Test
    void unsetPropertiesKeepTheSharedDefaults() {
        assertThat(new StageRetryProperties().toOptions()).isEqualTo(StageRetryOptions.defaults());
    }

    @Test
    void bindsTheRelaxedPropertyNamesOfAStageOverItsOwnDefaults() {
        StageRetryOptions stageDefaults = new StageRetryOptions(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(2), 8,
                Duration.ofSeconds(2));
        var source = new MapConfigurationPropertySource(Map.of(
                "pipeline.submit.retry.initial-interval", "100ms",
                "pipeline.submit.retry.max-attempts", "3",
                "pipeline.submit.retry.max-blocking-sleep", "200ms"));

        StageRetryOptions bound = new Binder(source).bind("pipeline.submit.retry",
                Bindable.ofInstance(new StageRetryProperties(stageDefaults))).get().toOptions();

        assertThat(bound).isEqualTo(new StageRetryOptions(Duration.ofMillis(100), 2.0, Duration.ofMinutes(2), 3,
                Duration.ofMillis(200)));
    }
}
