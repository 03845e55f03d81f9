package org.invoicepipeline.client;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOptionsTest {

    private static final String KEY = "sk_live_very_secret_123";

    @Test
    void takesTheKeyFromTheEnvironmentByDefault() {
        ClientOptions options = ClientOptions.builder(Map.of(ClientOptions.API_KEY_ENV, KEY)::get).build();

        assertThat(options.apiKey()).isEqualTo(KEY);
        assertThat(options.baseUrl()).hasToString("https://api.invoicedataextraction.com/v1");
    }

    @Test
    void neverShowsTheKeyInItsDescription() {
        ClientOptions options = ClientOptions.builder(name -> null).apiKey(KEY).build();

        assertThat(options.toString()).doesNotContain(KEY).contains("<redacted>");
    }

    @Test
    void refusesToBuildWithoutAKeyAndSaysWhereToPutOne() {
        assertThatThrownBy(() -> ClientOptions.builder(name -> null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ClientOptions.API_KEY_ENV);
    }

    @Test
    void dropsATrailingSlashOfTheBaseUrl() {
        ClientOptions options = ClientOptions.builder(name -> null).apiKey(KEY).baseUrl("http://127.0.0.1:8080/v1/")
                .build();

        assertThat(options.baseUrl()).hasToString("http://127.0.0.1:8080/v1");
    }

    @Test
    void theSignedUrlRetryWindowDefaultsToAFewMinutesAndMustBePositive() {
        assertThat(ClientOptions.builder(name -> null).apiKey("k").build().signedUrlRetryWindow())
                .isEqualTo(java.time.Duration.ofMinutes(3));
        assertThatThrownBy(() -> ClientOptions.builder(name -> null).apiKey("k")
                .signedUrlRetryWindow(java.time.Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signedUrlRetryWindow");
    }
}
