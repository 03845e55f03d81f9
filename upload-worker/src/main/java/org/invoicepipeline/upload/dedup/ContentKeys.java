package org.invoicepipeline.upload.dedup;

/** The key of a content in the index: its profile and the hex SHA-256 of its bytes. */
public final class ContentKeys {

    private ContentKeys() {
    }

    public static String of(String profile, String sha256) {
        return profile + "/" + sha256;
    }
}
