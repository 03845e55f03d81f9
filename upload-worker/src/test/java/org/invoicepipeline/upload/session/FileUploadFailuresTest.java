package org.invoicepipeline.upload.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.source.SourceAccessDeniedException;
import org.invoicepipeline.upload.source.SourceUnavailableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileUploadFailuresTest {

    private static final PlannedFile FILE = new PlannedFile("f-7", "inv.pdf", "inv.pdf", "file:///in/inv.pdf",
            "/in/inv.pdf", 10, null, 0, Map.of());

    static Stream<Arguments> failures() {
        ApiTransportException transport = new ApiTransportException(Operation.UPLOAD_PART, "uploadPart got no answer",
                new IOException("reset"));
        return Stream.of(
                Arguments.of("transport failure, source fine", transport, null, null),
                Arguments.of("transport failure, source changed", transport, "the source shrank", "SOURCE_CHANGED"),
                Arguments.of("source vanished mid-read", new ApiTransportException(Operation.UPLOAD_PART, "no answer",
                        new UncheckedIOException(new NoSuchFileException("/in/inv.pdf"))), null, "SOURCE_UNREADABLE"),
                Arguments.of("source unreadable before upload", new IOException("EIO"), null, "SOURCE_UNREADABLE"),
                Arguments.of("non-retryable API error", api("OBJECT_SIZE_MISMATCH", false), null, "OBJECT_SIZE_MISMATCH"),
                Arguments.of("retryable API error", api("INTERNAL_ERROR", true), null, null),
                Arguments.of("API error after the source changed", api("OBJECT_SIZE_MISMATCH", false), "grew", "SOURCE_CHANGED"),
                Arguments.of("object store refused the credentials mid-read", new ApiTransportException(
                        Operation.UPLOAD_PART, "no answer", new SourceAccessDeniedException("access denied (403)", null)),
                        null, "SOURCE_ACCESS_DENIED"),
                Arguments.of("object store refused the credentials before upload",
                        new SourceAccessDeniedException("access denied (403)", null), null, "SOURCE_ACCESS_DENIED"),
                Arguments.of("object store throttled past its retries", new SourceUnavailableException("503 SlowDown",
                        null), null, null),
                Arguments.of("object store 5xx mid-read", new ApiTransportException(Operation.UPLOAD_PART, "no answer",
                        new SourceUnavailableException("HTTP 500", null)), null, null));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("failures")
    void decidesHowAFileEnds(String situation, Exception thrown, String sourceChange, String expectedCode) {
        Optional<StageFailure> failure = FileUploadFailures.of(FILE, thrown, Optional.ofNullable(sourceChange));

        if (expectedCode == null) {
            assertThat(failure).isEmpty();
        }
        else {
            assertThat(failure).hasValueSatisfying(f -> {
                assertThat(f.code()).isEqualTo(expectedCode);
                assertThat(f.retryable()).isFalse();
                assertThat(f.message()).startsWith("file f-7 'inv.pdf': ");
            });
        }
    }

    private static ApiErrorException api(String code, boolean retryable) {
        return new ApiErrorException(Operation.COMPLETE_FILE_UPLOAD, retryable ? 500 : 422, code, "refused", retryable,
                null, null);
    }
}
