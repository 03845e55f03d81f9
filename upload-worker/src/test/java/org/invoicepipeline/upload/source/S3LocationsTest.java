package org.invoicepipeline.upload.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.invoicepipeline.common.storage.S3Uri;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allow-list of S3 sources, entry by entry. */
class S3LocationsTest {

    private final S3Locations allowed = new S3Locations(List.of("s3://inbox/scans/", "s3://archive/", "s3://x-y.z/2026"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "s3://inbox/scans/a.pdf, true",
            "s3://inbox/scans/2026/07/a.pdf, true",
            "s3://inbox/scansX/a.pdf, false",
            "s3://inbox/private/a.pdf, false",
            "s3://archive/any/where.pdf, true",
            "s3://x-y.z/2026-07.pdf, true",
            "s3://x-y.z/2025/a.pdf, false",
            "s3://other/scans/a.pdf, false",
    })
    void allowsObjectsInsideAnEntry(String uri, boolean expected) {
        assertThat(allowed.allows(S3Uri.parse(uri).uri().orElseThrow())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"file:///srv", "s3://", "s3://UPPER/", "inbox/scans"})
    void refusesEntriesThatAreNotBucketsOrPrefixes(String entry) {
        assertThatThrownBy(() -> new S3Locations(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
    }
}
