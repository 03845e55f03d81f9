package org.invoicepipeline.common.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which texts are {@code s3://bucket/key} URIs, and the bucket and key they name. */
class S3UriTest {

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
            "s3://inbox/a.pdf, inbox, a.pdf",
            "s3://in-box.2026/scans/2026/07/a.pdf, in-box.2026, scans/2026/07/a.pdf",
            "s3://inbox/scans/inv%201.pdf, inbox, scans/inv 1.pdf",
            "S3://inbox/a.pdf, inbox, a.pdf",
            "s3://logs.2026/out/extractions/e:1/output.json, logs.2026, out/extractions/e:1/output.json",
    })
    void namesItsBucketAndKey(String text, String bucket, String key) {
        S3Uri uri = S3Uri.parse(text).uri().orElseThrow();

        assertThat(uri.bucket()).isEqualTo(bucket);
        assertThat(uri.key()).isEqualTo(key);
        assertThat(S3Uri.parse(uri.toUriString()).uri()).hasValue(uri);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "s3://inbox; an object key is required",
            "s3://inbox/; an object key is required",
            "s3://inbox/a.pdf?versionId=1; without ?query",
            "s3://In_Box/a.pdf; bucket of 3-63",
            "s3://ab/a.pdf; bucket of 3-63",
            "s3://inbox/a/../b.pdf; segment, which could be resolved to another key",
            "s3://inbox/./b.pdf; segment, which could be resolved to another key",
            "file:///inbox/a.pdf; not an s3: URI",
            "s3://inbox/a b.pdf; not a URI",
    })
    void refusesWhatIsNotAnObjectUri(String text, String problem) {
        S3Uri.Result result = S3Uri.parse(text);

        assertThat(result.uri()).isEmpty();
        assertThat(result.problem()).contains(problem);
    }
}
