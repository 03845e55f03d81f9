package org.invoicepipeline.upload.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.model.UploadSessionFile;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.common.storage.S3Connection;
import org.invoicepipeline.common.testing.S3MockServer;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.session.SessionOutcome;
import org.invoicepipeline.upload.session.SessionUploader;
import org.invoicepipeline.upload.validation.FileValidator;
import org.invoicepipeline.upload.validation.RejectionCodes;
import org.invoicepipeline.upload.validation.ValidatedFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3://} sources against a real S3-compatible server (S3Mock in its own JVM) through the real SDK: validation
 * resolves, checks and hashes objects by ranged GETs; the uploader streams the validated content part by part, and a
 * batch in which one object is rewritten after validation, one rewritten mid-upload and one deleted fails exactly
 * those with SOURCE_CHANGED / SOURCE_UNREADABLE while the others are sent byte for byte.
 */
class S3SourcesIT {

    private static final String BUCKET = "invoices-inbox";
    private static final int PART = 4_096;
    private static final SampleInvoiceGenerator SAMPLES = new SampleInvoiceGenerator(7);

    private static S3MockServer server;
    private static S3Client s3;
    private static SourceStores sources;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3MockServer.shared();
        server.createBuckets(BUCKET, "other-bucket");
        System.setProperty("aws.accessKeyId", "s3mock");
        System.setProperty("aws.secretAccessKey", "s3mock");
        s3 = connection().newClient();
        sources = new SourceStores(List.of(new LocalFileSourceStore(List.of()),
                new S3SourceStore(connection().newClient(), new S3Locations(List.of("s3://" + BUCKET + "/in/")))));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sources != null) {
            sources.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    static S3Connection connection() {
        S3Connection connection = new S3Connection();
        connection.setEndpoint(server.endpoint());
        connection.setPathStyleAccess(true);
        connection.setMaxAttempts(2);
        return connection;
    }

    @Test
    void validationReadsObjectsThroughTheStoreAndRejectsEachBadOneWithItsCode() throws Exception {
        byte[] pdf = SAMPLES.toPdf(SAMPLES.generate(1));
        put("in/good invoice.pdf", pdf);
        put("in/truncated.pdf", SAMPLES.toCorruptPdf(SAMPLES.generate(2)));
        put("in/locked.pdf", SAMPLES.toEncryptedPdf(SAMPLES.generate(3)));
        put("elsewhere/inv.pdf", pdf);
        FileValidator validator = new FileValidator(sources, 10_000_000, 5_000_000, profile -> true, true, 5_000);

        ValidatedFile valid = validator.validate(event("f-good", "s3://" + BUCKET + "/in/good%20invoice.pdf"));

        assertThat(valid.sizeBytes()).isEqualTo(pdf.length);
        assertThat(valid.sha256()).isEqualTo(sha256(pdf));
        assertThat(valid.path()).as("no local path for an object").isNull();
        assertThat(valid.source().identity()).startsWith("etag=");
        assertThat(valid.source().location()).isEqualTo("s3://" + BUCKET + "/in/good invoice.pdf");
        Map<String, String> rejected = Map.of(
                "s3://" + BUCKET + "/in/missing.pdf", RejectionCodes.SOURCE_UNREADABLE,
                "s3://" + BUCKET + "/elsewhere/inv.pdf", RejectionCodes.SOURCE_NOT_ALLOWED,
                "s3://other-bucket/in/inv.pdf", RejectionCodes.SOURCE_NOT_ALLOWED,
                "s3://" + BUCKET, RejectionCodes.INVALID_SOURCE_URI,
                "s3://" + BUCKET + "/in/truncated.pdf", RejectionCodes.CORRUPT_FILE,
                "s3://" + BUCKET + "/in/locked.pdf", RejectionCodes.ENCRYPTED_FILE,
                "gs://" + BUCKET + "/in/inv.pdf", RejectionCodes.SOURCE_NOT_ALLOWED);
        rejected.forEach((uri, code) -> assertThatThrownBy(() -> validator.validate(event("f-bad", uri)))
                .as(uri).isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).startsWith("file f-bad 'inv.pdf': ");
                }));
    }

    @Test
    void aBatchOfObjectsUploadsTheValidatedBytesAndFailsOnlyTheObjectsThatChanged() throws Exception {
        byte[] first = bytes(3 * PART + 100, 'a');
        byte[] second = bytes(2 * PART + 7, 'b');
        byte[] rewrittenBefore = bytes(PART + 5, 'c');
        byte[] rewrittenDuring = bytes(3 * PART, 'd');
        byte[] deleted = bytes(PART, 'e');
        PlannedFile one = planned("f-1", "in/one.pdf", first);
        PlannedFile two = planned("f-2", "in/two.pdf", second);
        PlannedFile before = planned("f-3", "in/before.pdf", rewrittenBefore);
        PlannedFile during = planned("f-4", "in/during.pdf", rewrittenDuring);
        PlannedFile gone = planned("f-5", "in/gone.pdf", deleted);
        put("in/before.pdf", bytes(PART + 5, 'C'));
        s3.deleteObject(b -> b.bucket(BUCKET).key("in/gone.pdf"));
        Map<String, ByteArrayOutputStream> sent = new ConcurrentHashMap<>();
        InvoiceExtractionClient client = streamingClient(sent, (fileId, part) -> {
            if (fileId.equals("f-4") && part == 1) {
                put("in/during.pdf", bytes(3 * PART, 'D'));
            }
        });
        SessionUploader uploader = new SessionUploader(client, sources, 2, Duration.ofSeconds(1));
        try {
            SessionOutcome outcome = uploader.upload(new PlannedSession("us-s3", "std", "b", 0,
                    List.of(one, two, before, during, gone)));

            assertThat(outcome.completed()).extracting(PlannedFile::fileId).containsExactlyInAnyOrder("f-1", "f-2");
            assertThat(sent.get("f-1").toByteArray()).isEqualTo(first);
            assertThat(sent.get("f-2").toByteArray()).isEqualTo(second);
            Map<String, String> codes = new java.util.HashMap<>();
            outcome.failed().forEach(f -> codes.put(f.file().fileId(), f.failure().code()));
            assertThat(codes).isEqualTo(Map.of("f-3", RejectionCodes.SOURCE_CHANGED,
                    "f-4", RejectionCodes.SOURCE_CHANGED, "f-5", RejectionCodes.SOURCE_UNREADABLE));
            outcome.failed().forEach(f -> assertThat(f.failure().retryable()).isFalse());
        }
        finally {
            uploader.destroy();
        }
    }

    /** The file as the planner records it: validated through the store now. */
    private static PlannedFile planned(String fileId, String key, byte[] content) {
        put(key, content);
        SourceObject object = sources.resolve("s3://" + BUCKET + "/" + key).object();
        String name = key.substring(key.lastIndexOf('/') + 1);
        return new PlannedFile(fileId, name, name, object.uri(), object.location(), object.sizeBytes(), null, 0L,
                Map.of(), sha256(content), null, object.identity(), 0);
    }

    /** A client that streams each file part by part as the real one does; {@code afterPart} runs between parts. */
    private static InvoiceExtractionClient streamingClient(Map<String, ByteArrayOutputStream> sent,
                                                           BiConsumer<String, Integer> afterPart) {
        InvoiceExtractionClient client = mock(InvoiceExtractionClient.class);
        when(client.createUploadSession(anyString(), anyList())).thenAnswer(call -> {
            List<UploadFileSpec> specs = call.getArgument(1);
            return new UploadSession(call.getArgument(0), specs.stream()
                    .map(s -> new UploadSessionFile(s.fileId(), s.fileName(), PART)).toList());
        });
        doCallRealMethod().when(client).uploadFile(any(UploadSession.class), anyString(), any(UploadSource.class));
        doAnswer(call -> {
            String fileId = call.getArgument(1);
            UploadSource source = call.getArgument(3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (long offset = 0; offset < source.sizeBytes(); offset += PART) {
                try (InputStream in = source.openRange(offset, Math.min(PART, source.sizeBytes() - offset))) {
                    in.transferTo(out);
                }
                catch (IOException | UncheckedIOException e) {
                    throw new ApiTransportException(Operation.UPLOAD_PART, "uploadPart got no answer: " + e, e);
                }
                afterPart.accept(fileId, (int) (offset / PART) + 1);
            }
            sent.put(fileId, out);
            return null;
        }).when(client).uploadFile(anyString(), anyString(), anyLong(), any(UploadSource.class));
        return client;
    }

    private static void put(String key, byte[] content) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
    }

    private static byte[] bytes(int size, char fill) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }

    private static FileRegistered event(String fileId, String uri) {
        return FileRegistered.newBuilder().setFileId(fileId).setSourceUri(uri).setFileName("inv.pdf")
                .setProfile("std").setRegisteredAt(Instant.now()).setAttributes(Map.of()).build();
    }
}
