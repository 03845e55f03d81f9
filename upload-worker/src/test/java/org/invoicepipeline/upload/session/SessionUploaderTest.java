package org.invoicepipeline.upload.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.model.UploadSessionFile;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.plan.UploadSessionIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the uploader does when a source changes under it, and when the API refuses some files of a session. */
class SessionUploaderTest {

    private static final int PART = 1_000;

    @TempDir
    Path root;

    private final InvoiceExtractionClient client = mock(InvoiceExtractionClient.class);
    private final List<String> createdSessions = new ArrayList<>();
    private final List<byte[]> sent = new ArrayList<>();
    private Consumer<Integer> afterPart = part -> { };
    private SessionUploader uploader;

    @BeforeEach
    void setUp() {
        uploader = new SessionUploader(client, 2, Duration.ofSeconds(1));
        when(client.createUploadSession(anyString(), anyList())).thenAnswer(call -> {
            String id = call.getArgument(0);
            List<UploadFileSpec> specs = call.getArgument(1);
            createdSessions.add(id);
            return new UploadSession(id, specs.stream()
                    .map(s -> new UploadSessionFile(s.fileId(), s.fileName(), PART)).toList());
        });
        doCallRealMethod().when(client).uploadFile(any(UploadSession.class), anyString(), any(UploadSource.class));
        // streams the source part by part, as the real client does; an unreadable body is a transport failure
        doAnswer(call -> {
            UploadSource source = call.getArgument(3);
            for (long offset = 0, part = 1; offset < source.sizeBytes(); offset += PART, part++) {
                long length = Math.min(PART, source.sizeBytes() - offset);
                try (InputStream in = source.openRange(offset, length)) {
                    sent.add(in.readAllBytes());
                }
                catch (IOException | UncheckedIOException e) {
                    throw new ApiTransportException(Operation.UPLOAD_PART, "uploadPart got no answer: " + e, e);
                }
                afterPart.accept((int) part);
            }
            return null;
        }).when(client).uploadFile(anyString(), anyString(), anyLong(), any(UploadSource.class));
    }

    @AfterEach
    void tearDown() {
        uploader.destroy();
    }

    /** Each change a file planned at 2,500 bytes can undergo: before its upload (part 0) or after a part is sent. */
    static Stream<SourceChange> sourceChanges() {
        return Stream.of(
                new SourceChange("rewritten at the same size while it uploads", "f-same", "same-size.pdf", 1,
                        path -> rewrite(path, (byte) 'b')),
                new SourceChange("appended to while it uploads", "f-grow", "growing.pdf", 2, path -> append(path, 700)),
                new SourceChange("appended to between validation and upload", "f-app", "appended.pdf", 0,
                        path -> append(path, 10)),
                new SourceChange("truncated while it uploads (not API_UNREACHABLE)", "f-cut", "cut.pdf", 1,
                        path -> truncate(path, 1_200)));
    }

    @ParameterizedTest(name = "a file {0} fails SOURCE_CHANGED")
    @MethodSource("sourceChanges")
    void aFileThatChangesUnderItsUploadFailsSourceChanged(SourceChange change) throws IOException {
        Path path = write(change.fileName(), 2_500, (byte) 'a');
        PlannedSession plan = plan(file(change.fileId(), path));
        if (change.afterPart() == 0) {
            change.change().accept(path);
        }
        else {
            afterPart = part -> {
                if (part == change.afterPart()) {
                    change.change().accept(path);
                }
            };
        }

        SessionOutcome outcome = uploader.upload(plan);

        assertThat(outcome.completed()).isEmpty();
        assertThat(outcome.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.failure().code()).isEqualTo(SessionUploader.SOURCE_CHANGED);
            assertThat(failed.failure().retryable()).isFalse();
            assertThat(failed.failure().message()).contains(change.fileId()).contains(change.fileName());
        });
    }

    @Test
    void anUnchangedFileUploadsAndSendsExactlyItsBytes() throws IOException {
        Path path = write("steady.pdf", 2_500, (byte) 'z');

        SessionOutcome outcome = uploader.upload(plan(file("f-ok", path)));

        assertThat(outcome.completed()).extracting(PlannedFile::fileId).containsExactly("f-ok");
        assertThat(sent.stream().mapToInt(b -> b.length).sum()).isEqualTo(2_500);
    }

    @Test
    void filesTheApiRefusesByNameAreFailedAndTheOthersUploadInAReplannedSession() throws Exception {
        PlannedSession plan = plan(file("f-1", write("one.pdf", 100, (byte) '1')),
                file("f-bad", write("bad.pdf", 100, (byte) '2')),
                file("f-3", write("three.pdf", 100, (byte) '3')));
        AtomicReference<String> refused = new AtomicReference<>(plan.uploadSessionId());
        when(client.createUploadSession(eq(plan.uploadSessionId()), anyList())).thenThrow(new ApiErrorException(
                Operation.CREATE_UPLOAD_SESSION, 400, "INVALID_INPUT", "Request validation failed.", false,
                new ObjectMapper().readTree("""
                        {"issues": [{"message": "file_name must end with a supported extension: .pdf, .jpg, .jpeg, or .png.",
                                     "path": ["files", 1, "file_name"]}]}"""), null));

        SessionOutcome outcome = uploader.upload(plan);
        SessionOutcome again = uploader.upload(plan);

        String replanned = outcome.session().uploadSessionId();
        assertThat(replanned).isNotEqualTo(refused.get()).matches("us-[0-9a-f]{40}")
                .isEqualTo(again.session().uploadSessionId())
                .isEqualTo(UploadSessionIds.replanned(plan.uploadSessionId(), List.of("f-bad")));
        assertThat(outcome.completed()).extracting(PlannedFile::fileId).containsExactly("f-1", "f-3");
        assertThat(outcome.session().files()).extracting(PlannedFile::fileId).containsExactly("f-1", "f-3");
        assertThat(outcome.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.file().fileId()).isEqualTo("f-bad");
            assertThat(failed.failure().code()).isEqualTo("INVALID_INPUT");
            assertThat(failed.failure().message()).contains("f-bad").contains("bad.pdf").contains("supported extension");
        });
    }

    /** A change made to a planned file: before its upload ({@code afterPart} 0) or once that part was sent. */
    record SourceChange(String description, String fileId, String fileName, int afterPart, Consumer<Path> change) {
        @Override
        public String toString() {
            return description;
        }
    }

    private Path write(String name, int size, byte fill) throws IOException {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, fill);
        return Files.write(root.resolve(name), bytes);
    }

    private static void rewrite(Path path, byte fill) {
        try {
            byte[] bytes = new byte[(int) Files.size(path)];
            Arrays.fill(bytes, fill);
            Files.write(path, bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path path, int bytes) {
        try {
            Files.write(path, new byte[bytes], StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void truncate(Path path, long size) {
        try (var channel = Files.newByteChannel(path, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as planned: size measured now (as validation does); no digest, as in plans written before it. */
    private static PlannedFile file(String fileId, Path path) throws IOException {
        String name = path.getFileName().toString();
        return new PlannedFile(fileId, name, name, path.toUri().toString(), path.toString(), Files.size(path),
                null, 0L, Map.of());
    }

    private static PlannedSession plan(PlannedFile... files) {
        List<PlannedFile> list = List.of(files);
        return new PlannedSession(UploadSessionIds.of("std", "b", list.stream().map(PlannedFile::fileId).toList()),
                "std", "b", 0L, list);
    }
}
