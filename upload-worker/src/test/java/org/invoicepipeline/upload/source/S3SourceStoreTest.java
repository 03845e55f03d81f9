package org.invoicepipeline.upload.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.upload.validation.RejectionCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * How each answer of the store ends a source, including those S3Mock cannot give (403, throttling, 5xx): resolution
 * rejects with the file's code or asks for a retry; reads at upload raise what the uploader maps to SOURCE_CHANGED,
 * SOURCE_UNREADABLE, SOURCE_ACCESS_DENIED or a retry.
 */
class S3SourceStoreTest {

    private static final SourceObject PLANNED = new SourceObject("s3://inbox/a/inv.pdf", "s3://inbox/a/inv.pdf", 10,
            "etag=\"abc\"");

    private final S3Client s3 = mock(S3Client.class);
    private final S3SourceStore store = new S3SourceStore(s3, new S3Locations(List.of("s3://inbox/a/")));

    static Stream<Arguments> resolutionAnswers() {
        return Stream.of(
                Arguments.of("404", s3Error(404), RejectionCodes.SOURCE_UNREADABLE),
                Arguments.of("403", s3Error(403), RejectionCodes.SOURCE_ACCESS_DENIED),
                Arguments.of("503 SlowDown past the SDK's retries", s3Error(503), null),
                Arguments.of("500 past the SDK's retries", s3Error(500), null),
                Arguments.of("no connection", SdkClientException.create("connect timed out"), null));
    }

    @ParameterizedTest(name = "HEAD {0} -> {2}")
    @MethodSource("resolutionAnswers")
    @SuppressWarnings("unchecked")
    void resolutionEndsByTheStoresAnswer(String answer, RuntimeException thrown, String code) {
        when(s3.headObject(any(Consumer.class))).thenThrow(thrown);

        if (code == null) {
            assertThatThrownBy(() -> store.resolve(URI.create("s3://inbox/a/inv.pdf")))
                    .as("worth retrying, not the file's fault").isInstanceOf(SourceUnavailableException.class);
        }
        else {
            assertThatThrownBy(() -> store.resolve(URI.create("s3://inbox/a/inv.pdf")))
                    .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo(code);
                        assertThat(e.getMessage()).contains("s3://inbox/a/inv.pdf");
                    });
        }
    }

    static Stream<Arguments> readAnswers() {
        return Stream.of(
                Arguments.of("412 on If-Match (rewritten)", s3Error(412), SourceChangedException.class),
                Arguments.of("404 (deleted)", s3Error(404), NoSuchFileException.class),
                Arguments.of("403", s3Error(403), SourceAccessDeniedException.class),
                Arguments.of("503 past the SDK's retries", s3Error(503), SourceUnavailableException.class),
                Arguments.of("no connection", SdkClientException.create("reset"), SourceUnavailableException.class));
    }

    @ParameterizedTest(name = "ranged GET {0} -> {2}")
    @MethodSource("readAnswers")
    void readsEndByTheStoresAnswer(String answer, RuntimeException thrown, Class<? extends Throwable> expected) {
        when(s3.getObject(any(GetObjectRequest.class))).thenThrow(thrown);

        assertThatThrownBy(() -> store.openRange(PLANNED, 0, 10)).isInstanceOf(expected);
    }

    @Test
    void readsNameTheValidatedContentAndOnlyTheRange() throws Exception {
        var requests = new java.util.ArrayList<GetObjectRequest>();
        when(s3.getObject(any(GetObjectRequest.class))).thenAnswer(call -> {
            requests.add(call.getArgument(0));
            throw s3Error(412);
        });
        SourceObject versioned = new SourceObject(PLANNED.uri(), PLANNED.location(), 100,
                "etag=\"abc\";version=v7");

        assertThatThrownBy(() -> store.openRange(versioned, 8, 4)).isInstanceOf(SourceChangedException.class);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.bucket()).isEqualTo("inbox");
            assertThat(request.key()).isEqualTo("a/inv.pdf");
            assertThat(request.range()).isEqualTo("bytes=8-11");
            assertThat(request.ifMatch()).isEqualTo("\"abc\"");
            assertThat(request.versionId()).isEqualTo("v7");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void resolvesSizeAndIdentityFromOneHead() {
        when(s3.headObject(any(Consumer.class))).thenReturn(HeadObjectResponse.builder()
                .contentLength(1234L).eTag("\"e1\"").versionId("v1").build());

        SourceObject object = store.resolve(URI.create("s3://inbox/a/sub/inv%20one.pdf"));

        assertThat(object.sizeBytes()).isEqualTo(1234);
        assertThat(object.identity()).isEqualTo("etag=\"e1\";version=v1");
        assertThat(object.location()).isEqualTo("s3://inbox/a/sub/inv one.pdf");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anObjectRewrittenSinceValidationIsAChange() throws Exception {
        when(s3.headObject(any(Consumer.class))).thenReturn(HeadObjectResponse.builder()
                .contentLength(10L).eTag("\"other\"").build());

        assertThat(store.change(PLANNED)).hasValueSatisfying(what -> assertThat(what).contains("rewritten"));
    }

    @Test
    void objectsOutsideTheAllowListOrWithoutAKeyAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> store.resolve(URI.create("s3://inbox/b/inv.pdf")))
                .isInstanceOfSatisfying(RecordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCodes.SOURCE_NOT_ALLOWED));
        assertThatThrownBy(() -> store.resolve(URI.create("s3://other/a/inv.pdf")))
                .isInstanceOfSatisfying(RecordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCodes.SOURCE_NOT_ALLOWED));
        assertThatThrownBy(() -> store.resolve(URI.create("s3://inbox")))
                .isInstanceOfSatisfying(RecordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCodes.INVALID_SOURCE_URI));
        assertThatThrownBy(() -> store.resolve(URI.create("s3://inbox/a/../b/inv.pdf")))
                .as("a dot segment could be normalised into another key on the way")
                .isInstanceOfSatisfying(RecordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCodes.INVALID_SOURCE_URI));
        assertThatThrownBy(() -> store.resolve(URI.create("s3://In_Box/a/x.pdf")))
                .isInstanceOfSatisfying(RecordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCodes.INVALID_SOURCE_URI));
        org.mockito.Mockito.verifyNoInteractions(s3);
    }

    private static S3Exception s3Error(int status) {
        return (S3Exception) S3Exception.builder().statusCode(status).message("status " + status).build();
    }
}
