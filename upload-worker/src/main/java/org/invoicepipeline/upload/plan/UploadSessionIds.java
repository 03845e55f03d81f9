package org.invoicepipeline.upload.plan;

import java.util.Collection;

import org.invoicepipeline.common.hash.Sha256;

/**
 * Deterministic {@code upload_session_id}s: {@code us-} and 40 hex characters of the SHA-256 of the profile,
 * the batch key and the sorted file ids. The same plan always names the same session, which the API treats
 * idempotently, and the id fits the API's client-id syntax.
 */
public final class UploadSessionIds {

    private static final int HASH_HEX_CHARS = 40;

    private UploadSessionIds() {
    }

    public static String of(String profile, String batchKey, Collection<String> fileIds) {
        StringBuilder material = new StringBuilder("upload-session\n").append(profile).append('\n')
                .append(batchKey == null ? "" : batchKey).append('\n');
        return sessionId(material, fileIds);
    }

    /**
     * The session that uploads the files of {@code originalSessionId} less {@code excludedFileIds} (files the API
     * refused by name): derived from both, so a replay of the same refusal re-plans into the same session.
     */
    public static String replanned(String originalSessionId, Collection<String> excludedFileIds) {
        StringBuilder material = new StringBuilder("upload-session-replanned\n").append(originalSessionId).append('\n');
        return sessionId(material, excludedFileIds);
    }

    /** {@code us-} and the hash of {@code material} followed by the sorted {@code fileIds}, one a line. */
    private static String sessionId(StringBuilder material, Collection<String> fileIds) {
        fileIds.stream().sorted().forEach(id -> material.append(id).append('\n'));
        return "us-" + Sha256.hexPrefix(material.toString(), HASH_HEX_CHARS);
    }
}
