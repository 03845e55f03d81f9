package org.invoicepipeline.download.store;

/**
 * An object an {@link OutputStore} holds.
 *
 * @param key       the store-relative key
 * @param uri       where a reader finds it ({@code file:} for the local store, {@code s3://bucket/key} for S3); never an API signed URL
 * @param sizeBytes its size
 * @param sha256    hex SHA-256 of its bytes
 */
public record StoredObject(String key, String uri, long sizeBytes, String sha256) {
}
