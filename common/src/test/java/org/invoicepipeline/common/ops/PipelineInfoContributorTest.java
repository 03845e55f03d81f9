package org.invoicepipeline.common.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineInfoContributorTest {

    @ParameterizedTest
    @CsvSource({
            "https://api.invoicedataextraction.com/v1, https://api.invoicedataextraction.com/v1",
            "https://user:secret-key@api.example.com/v1?api_key=secret-key#frag, https://api.example.com/v1",
            "http://127.0.0.1:40123/v1, http://127.0.0.1:40123/v1",
            "'not a url ::', (unparseable)",
    })
    void theApiBaseUrlIsShownWithoutUserInfoQueryOrFragment(String configured, String shown) {
        assertThat(PipelineInfoContributor.withoutSecrets(configured)).isEqualTo(shown);
    }
}
