package org.invoicepipeline.upload.source;

import java.util.List;

import org.invoicepipeline.common.storage.S3Uri;

/**
 * The allow-list of object storage, like the allowed roots of local files: entries {@code s3://bucket/} (the whole
 * bucket) or {@code s3://bucket/prefix} (keys starting with the prefix; end it with '/' to mean a folder). An object
 * outside every entry is {@code SOURCE_NOT_ALLOWED} before anything is requested from the store.
 */
public final class S3Locations {

    private final List<Entry> entries;

    private record Entry(String bucket, String keyPrefix) {
    }

    /** @param allowed entries as above; an entry that is not {@code s3://bucket[/prefix]} fails here (start-up) */
    public S3Locations(List<String> allowed) {
        this.entries = allowed.stream().map(S3Locations::entry).toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean allows(S3Uri uri) {
        return entries.stream().anyMatch(e -> e.bucket.equals(uri.bucket()) && uri.key().startsWith(e.keyPrefix));
    }

    private static Entry entry(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("s3://")) {
            throw new IllegalArgumentException("allowed S3 location '" + text + "' is not s3://bucket/ or s3://bucket/prefix");
        }
        String rest = trimmed.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("allowed S3 location '" + text + "' has no valid bucket name");
        }
        return new Entry(bucket, prefix);
    }

    @Override
    public String toString() {
        return entries.stream().map(e -> "s3://" + e.bucket + "/" + e.keyPrefix).toList().toString();
    }
}
