package org.invoicepipeline.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchOptionsTest {

    @Test
    void defaultsRunTheShippedSamplesOnTheEmbeddedBrokerAndSandbox() {
        LaunchOptions options = LaunchOptions.parse(new String[0]);

        assertThat(options.input()).isNull();
        assertThat(options.usesSandbox()).isTrue();
        assertThat(options.usesEmbeddedBroker()).isTrue();
        assertThat(options.output()).isEqualTo(Path.of("pipeline-output"));
    }

    @Test
    void readsBothArgumentStyles() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--input", "in", "--output=out", "--watch",
                "--api-base-url", "https://api.example/v1", "--bootstrap-servers=broker:9092", "--timeout", "90s",
                "--sandbox-page-time=50ms"});

        assertThat(options.input()).isEqualTo(Path.of("in"));
        assertThat(options.output()).isEqualTo(Path.of("out"));
        assertThat(options.watch()).isTrue();
        assertThat(options.usesSandbox()).isFalse();
        assertThat(options.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.sandboxPageTime()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void rejectsUnknownArguments() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--inptu", "x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--inptu");
    }
}
