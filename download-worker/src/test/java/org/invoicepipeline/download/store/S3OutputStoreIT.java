package org.invoicepipeline.download.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.common.storage.S3Connection;
import org.invoicepipeline.common.testing.S3MockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The S3 output store against a real S3-compatible server (S3Mock in its own JVM) through the real SDK: objects land
 * under the configured prefix per extraction with their content type, SHA-256 checksum and metadata, are replaced
 * by a replay, and are published as {@code s3://} URIs a reader can fetch.
 */
class S3OutputStoreIT {

    private static S3MockServer server;
    private static S3Client reader;
    private static S3OutputStore store;

    @BeforeAll
    static void start() throws Exception {
        server = S3MockServer.start("erp-outputs");
        System.setProperty("aws.accessKeyId", "s3mock");
        System.setProperty("aws.secretAccessKey", "s3mock");
        S3Connection connection = new S3Connection();
        connection.setEndpoint(server.endpoint());
        connection.setPathStyleAccess(true);
        reader = connection.newClient();
        store = new S3OutputStore(connection.newClient(), "s3://erp-outputs/pipeline/prod");
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (reader != null) {
            reader.close();
        }
        if (server != null) {
            server.close();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void storesEachOutputUnderItsExtractionWithTypeAndChecksum(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("output.csv"), "invoice_number,total\nINV-1,12.50\n");
        byte[] json = "{\"rows\":[]}".getBytes(StandardCharsets.UTF_8);

        StoredObject storedCsv = store.put("extractions/ex_1/output.csv", csv);
        StoredObject storedJson = store.put("extractions/ex_1/output.json", new ByteArrayInputStream(json));

        assertThat(storedCsv.uri()).isEqualTo("s3://erp-outputs/pipeline/prod/extractions/ex_1/output.csv");
        assertThat(storedCsv.sizeBytes()).isEqualTo(Files.size(csv));
        assertThat(storedCsv.sha256()).isEqualTo(sha256(Files.readAllBytes(csv)));
        ResponseBytes<GetObjectResponse> fetched = reader.getObjectAsBytes(b -> b.bucket("erp-outputs")
                .key("pipeline/prod/extractions/ex_1/output.csv").checksumMode(ChecksumMode.ENABLED));
        assertThat(fetched.asByteArray()).isEqualTo(Files.readAllBytes(csv));
        assertThat(fetched.response().contentType()).startsWith("text/csv");
        assertThat(fetched.response().metadata()).containsEntry("sha256", storedCsv.sha256());
        assertThat(fetched.response().checksumSHA256()).as("the server kept the checksum it verified")
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(storedCsv.sha256())));
        assertThat(storedJson.sha256()).isEqualTo(sha256(json));
        assertThat(reader.headObject(b -> b.bucket("erp-outputs").key("pipeline/prod/extractions/ex_1/output.json"))
                .contentType()).isEqualTo("application/json");
    }

    @Test
    void aReplayReplacesTheObjectAndExistsAnswersForIt() throws Exception {
        assertThat(store.exists("extractions/ex_2/results-published")).isFalse();

        store.put("extractions/ex_2/results-published", new ByteArrayInputStream("first".getBytes(StandardCharsets.UTF_8)));
        StoredObject second = store.put("extractions/ex_2/results-published",
                new ByteArrayInputStream("second".getBytes(StandardCharsets.UTF_8)));

        assertThat(store.exists("extractions/ex_2/results-published")).isTrue();
        assertThat(reader.getObjectAsBytes(b -> b.bucket("erp-outputs")
                .key("pipeline/prod/extractions/ex_2/results-published")).asUtf8String()).isEqualTo("second");
        assertThat(second.sizeBytes()).isEqualTo(6);
    }

    @Test
    void keysThatCouldEscapeThePrefixAreRefused() {
        assertThatThrownBy(() -> store.put("../outside.json", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a//b.json", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingBucketIsAStorageFailureTheStageRetries() {
        S3Connection connection = new S3Connection();
        connection.setEndpoint(server.endpoint());
        connection.setPathStyleAccess(true);
        connection.setMaxAttempts(1);
        try (S3OutputStore missing = new S3OutputStore(connection.newClient(), "s3://no-such-bucket/")) {
            assertThatThrownBy(() -> missing.put("extractions/ex_3/output.json",
                    new ByteArrayInputStream(new byte[1]))).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("s3://no-such-bucket/extractions/ex_3/output.json");
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }
}
