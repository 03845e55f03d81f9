package org.invoicepipeline.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.invoicepipeline.client.ClientOptions;
import org.junit.jupiter.api.Test;

class ApiClientPropertiesTest {

    @Test
    void theSignedUrlRetryWindowReachesTheClientAndDefaultsToAFewMinutes() {
        ApiClientProperties properties = new ApiClientProperties();
        properties.setApiKey("k");
        assertThat(properties.toClientOptions(null).signedUrlRetryWindow())
                .isEqualTo(ClientOptions.DEFAULT_SIGNED_URL_RETRY_WINDOW).isEqualTo(Duration.ofMinutes(3));

        properties.setSignedUrlRetryWindow(Duration.ofSeconds(90));
        assertThat(properties.toClientOptions(null).signedUrlRetryWindow()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aWindowThatIsNotPositiveIsRefused() {
        ApiClientProperties properties = new ApiClientProperties();
        properties.setApiKey("k");
        properties.setSignedUrlRetryWindow(Duration.ofSeconds(-1));

        assertThatThrownBy(() -> properties.toClientOptions(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signedUrlRetryWindow");
    }
}
