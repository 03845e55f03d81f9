package org.invoicepipeline.common.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An {@code s3://bucket/key} URI: the form sources are registered with and outputs are published as. The key is
 * the URI's path without its leading slash, percent-decoded (a key with spaces is written {@code %20}); a key is
 * required, without {@code .} or {@code ..} segments (HTTP layers may resolve them into another key, escaping an
 * allow-list). Bucket names follow S3's rules (3-63 of a-z 0-9 . -).
 *
 * @param bucket the bucket
 * @param key    the object key, never empty
 */
public record S3Uri(String bucket, String key) {

    /** The scheme of these URIs. */
    public static final String SCHEME = "s3";

    /** The URI, or empty with the reason it is not an {@code s3://bucket/key} URI. */
    public static Result parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        }
        catch (URISyntaxException e) {
            return Result.problem("not a URI (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        return of(uri);
    }

    /** The URI, or the reason {@code uri} is not an {@code s3://bucket/key} URI. */
    public static Result of(URI uri) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            return Result.problem("not an s3: URI");
        }
        String bucket = uri.getRawAuthority();
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            return Result.problem("write s3://bucket/key with a bucket of 3-63 lower-case letters, digits, '.' or '-'");
        }
        String path = uri.getPath();
        if (path == null || path.length() <= 1 || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Result.problem("write s3://" + bucket + "/key: an object key is required, without ?query or #fragment");
        }
        String key = path.substring(1);
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Result.problem("the key has a '.' or '..' segment, which could be resolved to another key");
            }
        }
        return new Result(Optional.of(new S3Uri(bucket, key)), null);
    }

    /** {@code s3://bucket/key} with the key percent-encoded where a URI needs it. */
    public String toUriString() {
        try {
            // the key percent-encoded as a URI path; the bucket written as is (a valid bucket such as "logs.2026"
            // is not a valid host name, so URI's host-based constructors refuse it)
            return SCHEME + "://" + bucket + new URI(null, null, "/" + key, null).toASCIIString();
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot write s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }

    /** A parsed URI or why it is not one. */
    public record Result(Optional<S3Uri> uri, String problem) {

        static Result problem(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
