package org.invoicepipeline.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.validation.BeanPropertyBindingResult;

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

    @Test
    void theLimiterReserveDefaultsToOnePercentEachAndReachesTheClient() {
        ApiClientProperties properties = new ApiClientProperties();
        properties.setApiKey("k");
        RateLimits defaults = properties.toClientOptions(null).rateLimits();
        assertThat(defaults.burstFraction()).isEqualTo(RateLimits.DEFAULT_BURST_FRACTION).isEqualTo(0.01);
        assertThat(defaults.windowMargin()).isEqualTo(RateLimits.DEFAULT_WINDOW_MARGIN).isEqualTo(0.01);

        properties.setRateLimitBurstFraction(0.02);
        properties.setRateLimitWindowMargin(0.05);
        RateLimits configured = properties.toClientOptions(null).rateLimits();
        assertThat(configured.burstFraction()).isEqualTo(0.02);
        assertThat(configured.windowMargin()).isEqualTo(0.05);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"rateLimitBurstFraction, -0.1, pipeline.api.rate-limit-burst-fraction must be in [0, 1]",
            "rateLimitBurstFraction, 1.5, pipeline.api.rate-limit-burst-fraction must be in [0, 1]",
            "rateLimitWindowMargin, -0.01, pipeline.api.rate-limit-window-margin must be in [0, 1]",
            "rateLimitWindowMargin, 2, pipeline.api.rate-limit-window-margin must be in [0, 1]",
            "rateLimitShare, 0, pipeline.api.rate-limit-share must be in (0, 1]",
            "rateLimitScale, 0, pipeline.api.rate-limit-scale must be positive"})
    void aReserveTheLimiterCannotUseFailsTheStartNamingTheProperty(String field, double value, String message) {
        ApiClientProperties properties = new ApiClientProperties();
        switch (field) {
            case "rateLimitBurstFraction" -> properties.setRateLimitBurstFraction(value);
            case "rateLimitWindowMargin" -> properties.setRateLimitWindowMargin(value);
            case "rateLimitShare" -> properties.setRateLimitShare(value);
            default -> properties.setRateLimitScale(value);
        }
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(properties, ApiClientProperties.PREFIX);

        properties.validate(properties, errors);

        assertThat(errors.getFieldErrors()).singleElement().satisfies(error -> {
            assertThat(error.getField()).isEqualTo(field);
            assertThat(error.getDefaultMessage()).startsWith(message);
        });
    }

    @Test
    void theDefaultsPassValidation() {
        ApiClientProperties properties = new ApiClientProperties();
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(properties, ApiClientProperties.PREFIX);
        properties.validate(properties, errors);
        assertThat(errors.hasErrors()).isFalse();
    }
}
