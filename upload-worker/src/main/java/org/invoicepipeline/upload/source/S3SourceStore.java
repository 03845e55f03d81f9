package org.invoicepipeline.upload.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.common.storage.S3Uri;
import org.invoicepipeline.upload.validation.RejectionCodes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code s3://bucket/key} sources in any S3-compatible store, inside the allow-list ({@link S3Locations}). Resolving
 * is one HEAD (size, ETag, version id); every later read names that content: a ranged GET with
 * {@code If-Match: <etag>} (and the version id on a versioned bucket), so an object rewritten after validation fails
 * the read with 412 instead of mixing old and new bytes ({@link SourceChangedException}, {@code SOURCE_CHANGED}).
 * Ranges stream straight from the response: a part is never held whole, whatever the object's size.
 * <p>
 * Answers: 404 → {@code SOURCE_UNREADABLE} (at upload a {@link NoSuchFileException}); 403 →
 * {@code SOURCE_ACCESS_DENIED} (never retried); throttling, 5xx and network failures are retried by the SDK
 * ({@code s3.max-attempts}) and then reported as worth retrying ({@link SourceUnavailableException}). Credentials come from the SDK's default chain, never from events; messages name
 * objects by bucket and key only.
 */
public final class S3SourceStore implements SourceStore, AutoCloseable {

    private final S3Client s3;
    private final S3Locations allowed;

    public S3SourceStore(S3Client s3, S3Locations allowed) {
        this.s3 = s3;
        this.allowed = allowed;
    }

    @Override
    public Set<String> schemes() {
        return Set.of(S3Uri.SCHEME);
    }

    @Override
    public SourceObject resolve(URI uri) {
        S3Uri.Result parsed = S3Uri.of(uri);
        S3Uri object = parsed.uri().orElseThrow(() -> new RecordRejectedException(RejectionCodes.INVALID_SOURCE_URI,
                "source_uri " + uri + " is not an S3 object: " + parsed.problem()));
        if (!allowed.allows(object)) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_NOT_ALLOWED,
                    "source " + object + " is outside the allowed S3 locations " + allowed);
        }
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(object.bucket()).key(object.key()));
        }
        catch (S3Exception e) {
            switch (e.statusCode()) {
                case 404 -> throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE,
                        "source object does not exist: " + object);
                case 403 -> throw new RecordRejectedException(RejectionCodes.SOURCE_ACCESS_DENIED,
                        "access to source object " + object + " is denied (403) for the worker's credentials");
                default -> throw unavailable(object, e);
            }
        }
        catch (SdkException e) {
            throw unavailable(object, e);
        }
        return new SourceObject(uri.toString(), object.toString(), head.contentLength(),
                identity(head.eTag(), head.versionId()));
    }

    @Override
    public Optional<String> change(SourceObject source) throws IOException {
        S3Uri object = object(source);
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(object.bucket()).key(object.key()));
        }
        catch (S3Exception e) {
            throw readFailure(object, e);
        }
        catch (SdkException e) {
            throw unavailable(object, e);
        }
        String now = identity(head.eTag(), head.versionId());
        if (source.identity() != null && !etag(source.identity()).equals(etag(now))) {
            return Optional.of("the object " + object + " is now " + now + ", " + source.identity()
                    + " was validated: it was rewritten");
        }
        if (head.contentLength() != source.sizeBytes()) {
            return Optional.of("the object is " + head.contentLength() + " bytes, " + source.sizeBytes()
                    + " were validated");
        }
        return Optional.empty();
    }

    @Override
    public InputStream openRange(SourceObject source, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        S3Uri object = object(source);
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key())
                .range("bytes=" + offset + "-" + (offset + length - 1));
        conditions(request, source.identity());
        try {
            return s3.getObject(request.build());
        }
        catch (S3Exception e) {
            throw readFailure(object, e);
        }
        catch (SdkException e) {
            throw unavailable(object, e);
        }
    }

    /** The whole object into a temporary file, hashed on the way (one sequential GET). */
    @Override
    public LocalCopy localCopy(SourceObject source) throws IOException {
        Path temp = Files.createTempFile("s3-source-", ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            try (InputStream in = new DigestInputStream(openRange(source, 0, source.sizeBytes()), digest);
                 OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            return new LocalCopy(temp, HexFormat.of().formatHex(digest.digest()), true);
        }
        catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Closes the client (the store owns it). */
    @Override
    public void close() {
        s3.close();
    }

    /** {@code etag=<etag>}, with {@code ;version=<id>} on a versioned bucket. */
    static String identity(String eTag, String versionId) {
        return "etag=" + eTag + (versionId == null || versionId.isEmpty() || "null".equals(versionId) ? ""
                : ";version=" + versionId);
    }

    private static void conditions(GetObjectRequest.Builder request, String identity) {
        if (identity == null) {
            return;
        }
        for (String part : identity.split(";")) {
            if (part.startsWith("etag=")) {
                request.ifMatch(part.substring("etag=".length()));
            }
            else if (part.startsWith("version=")) {
                request.versionId(part.substring("version=".length()));
            }
        }
    }

    private static String etag(String identity) {
        for (String part : identity.split(";")) {
            if (part.startsWith("etag=")) {
                return part;
            }
        }
        return identity;
    }

    private static S3Uri object(SourceObject source) {
        S3Uri.Result parsed = S3Uri.parse(source.uri());
        return parsed.uri().orElseThrow(() -> new IllegalStateException("planned source " + source.uri()
                + " is not an S3 object: " + parsed.problem()));
    }

    private static IOException readFailure(S3Uri object, S3Exception e) {
        return switch (e.statusCode()) {
            case 412 -> new SourceChangedException("the object " + object + " no longer has the ETag validated: it"
                    + " was rewritten after validation (412 on If-Match)");
            case 404 -> new NoSuchFileException(object.toString(), null, "the source object no longer exists");
            case 403 -> new SourceAccessDeniedException("access to source object " + object + " is denied (403)", e);
            default -> throw unavailable(object, e);
        };
    }

    private static SourceUnavailableException unavailable(S3Uri object, SdkException e) {
        String status = e instanceof S3Exception s3e ? "HTTP " + s3e.statusCode() + " " : "";
        return new SourceUnavailableException("object storage did not answer for " + object + " (" + status
                + e.getClass().getSimpleName() + ") after its retries; worth retrying", e);
    }
}
