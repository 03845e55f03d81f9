package org.invoicepipeline.upload.source;

/**
 * A source as resolved at validation, and as a plan records it for the upload: the bytes the uploader sends must be
 * these.
 *
 * @param uri       FileRegistered.source_uri as registered
 * @param location  where the store reads it: the real path of a {@code file:} source (links followed), the
 *                  {@code s3://bucket/key} of an object
 * @param sizeBytes the size when resolved
 * @param identity  what changes when the content changes: {@code etag=...} (and {@code version=...} on a versioned
 *                  bucket) for an object, {@code size=...;mtime=...} for a local file; null in plans written before it
 *                  was recorded
 */
public record SourceObject(String uri, String location, long sizeBytes, String identity) {
}
