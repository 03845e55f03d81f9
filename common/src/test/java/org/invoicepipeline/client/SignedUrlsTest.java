package org.invoicepipeline.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignedUrlsTest {

    @Test
    void stripsTheQueryStringThatCarriesTheSignature() {
        assertThat(SignedUrls.redact("https://storage.example.com/bucket/part-1?X-Amz-Signature=abc&X-Amz-Credential=k"))
                .isEqualTo("https://storage.example.com/bucket/part-1?<redacted>")
                .doesNotContain("abc");
        assertThat(SignedUrls.redact("https://storage.example.com/x#frag")).isEqualTo("https://storage.example.com/x?<redacted>");
        assertThat(SignedUrls.redact("https://storage.example.com/plain")).isEqualTo("https://storage.example.com/plain");
    }
}
