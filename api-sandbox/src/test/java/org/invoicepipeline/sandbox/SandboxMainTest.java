package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The standalone command line. */
class SandboxMainTest {

    @Test
    void parsesEveryFlag() {
        SandboxSettings settings = SandboxMain.parse(new String[] {
                "--port=8089", "--api-key=K1", "--api-key=K2", "--rate-limit-scale=2.5", "--page-processing-time=PT0.5S",
                "--credits=42", "--bind=0.0.0.0", "--part-size=1024", "--part-url-ttl=PT1M", "--download-url-ttl=PT30S",
                "--output-retention=P1D", "--concurrent-task-limit=3", "--answer-window=PT1H", "--http-threads=4",
                "--pages-in-parallel=2"}).settings();
        assertThat(settings.port()).isEqualTo(8089);
        assertThat(settings.apiKeys()).containsExactly("K1", "K2");
        assertThat(settings.rateLimitScale()).isEqualTo(2.5);
        assertThat(settings.pageProcessingTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.initialCredits()).isEqualTo(42);
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.partSizeBytes()).isEqualTo(1024);
        assertThat(settings.partUrlTtl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.downloadUrlTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.outputRetention()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.concurrentTaskLimit()).isEqualTo(3);
        assertThat(settings.answerWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.httpThreads()).isEqualTo(4);
        assertThat(settings.pagesInParallel()).isEqualTo(2);
    }

    @Test
    void defaultsToTheDocumentedBehaviourOnPort8089() {
        SandboxSettings settings = SandboxMain.parse(new String[] {"--api-key=K"}).settings();
        assertThat(settings.port()).isEqualTo(8089);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.rateLimitScale()).isEqualTo(1.0);
        assertThat(settings.partSizeBytes()).isEqualTo(8_388_608L);
        assertThat(settings.partUrlTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.downloadUrlTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.outputRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.concurrentTaskLimit()).isEqualTo(15);
        assertThat(settings.pagesInParallel()).isEqualTo(4);
        assertThat(List.of(settings.apiKeys().size())).containsExactly(1);
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port=8089"})).hasMessageContaining("--api-key");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--api-key=K", "--colour=red"})).hasMessageContaining("--colour");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--api-key=K", "--page-processing-time=2s"}))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--api-key=K", "--port=x"})).hasMessageContaining("integer");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"api-key=K"})).hasMessageContaining("Unrecognised");
        assertThat(SandboxMain.parse(new String[] {"--help"})).isNull();
    }
}
