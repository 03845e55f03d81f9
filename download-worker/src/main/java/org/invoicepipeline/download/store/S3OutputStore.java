package org.invoicepipeline.download.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.common.storage.S3Uri;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An {@link OutputStore} in an S3-compatible bucket: each key is written under {@code s3://bucket/prefix/} (so one
 * extraction's files share the prefix {@code .../extractions/<extraction_id>/}) with one PutObject, which S3 makes
 * visible whole or not at all. Every object carries its content type (from the extension), its SHA-256 as an S3
 * checksum the server verifies on arrival ({@code x-amz-checksum-sha256}) and as metadata {@code sha256} (hex, what
 * results publish), and results carry its {@code s3://} URI for ERP consumers. Any failure of the store is an
 * {@link IOException}: the download stage retries storage failures without limit.
 */
public final class S3OutputStore implements OutputStore, AutoCloseable {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._:=+-]{1,200}");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "json", "application/json",
            "csv", "text/csv; charset=utf-8",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** @param location {@code s3://bucket/} or {@code s3://bucket/prefix/} under which keys are written */
    public S3OutputStore(S3Client s3, String location) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        String rest = location.startsWith("s3://") ? location.substring(5) : null;
        int slash = rest == null ? -1 : rest.indexOf('/');
        String bucketName = rest == null ? "" : slash < 0 ? rest : rest.substring(0, slash);
        if (!bucketName.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("output location '" + location + "' is not s3://bucket/[prefix/]");
        }
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        this.bucket = bucketName;
        this.prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
    }

    @Override
    public StoredObject put(String key, InputStream content) throws IOException {
        Path temp = Files.createTempFile("s3-output-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.transferTo(out);
            }
            return put(key, temp);
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Uploads {@code file} (its size known, its SHA-256 taken first so the server can check what arrived). */
    @Override
    public StoredObject put(String key, Path file) throws IOException {
        String objectKey = objectKey(key);
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] sha256 = digest.digest();
        String hex = HexFormat.of().formatHex(sha256);
        long size = Files.size(file);
        try {
            s3.putObject(b -> b.bucket(bucket).key(objectKey)
                            .contentType(contentType(key))
                            .contentLength(size)
                            .checksumSHA256(Base64.getEncoder().encodeToString(sha256))
                            .metadata(Map.of("sha256", hex)),
                    RequestBody.fromFile(file));
        }
        catch (SdkException e) {
            throw failure("storing", objectKey, e);
        }
        return new StoredObject(key, new S3Uri(bucket, objectKey).toUriString(), size, hex);
    }

    @Override
    public boolean exists(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            s3.headObject(b -> b.bucket(bucket).key(objectKey));
            return true;
        }
        catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("looking up", objectKey, e);
        }
        catch (SdkException e) {
            throw failure("looking up", objectKey, e);
        }
    }

    /** The object key of a store key; the same key rules as the local store, so both accept the same keys. */
    String objectKey(String key) {
        Objects.requireNonNull(key, "key");
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Invalid output key segment '" + segment + "' in " + key);
            }
        }
        return prefix + key;
    }

    /** Closes the client (the store owns it). */
    @Override
    public void close() {
        s3.close();
    }

    static String contentType(String key) {
        String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private IOException failure(String what, String objectKey, SdkException e) {
        String status = e instanceof S3Exception s3e ? " (HTTP " + s3e.statusCode() + ")" : "";
        return new IOException(what + " s3://" + bucket + "/" + objectKey + " failed" + status + ": "
                + e.getClass().getSimpleName(), e);
    }
}
