package org.invoicepipeline.upload.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Deterministic {@code upload_session_id}s: {@code us-} and 40 hex characters of the SHA-256 of the profile,
 * the batch key and the sorted file ids. The same plan always names the same session, which the API treats
 * idempotently, and the id fits the API's client-id syntax.
 */
public final class UploadSessionIds {

    private UploadSessionIds() {
    }

    public static String of(String profile, String batchKey, Collection<String> fileIds) {
        StringBuilder material = new StringBuilder("upload-session\n").append(profile).append('\n')
                .append(batchKey == null ? "" : batchKey).append('\n');
        fileIds.stream().sorted().forEach(id -> material.append(id).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.toString().getBytes(StandardCharsets.UTF_8));
            return "us-" + HexFormat.of().formatHex(digest).substring(0, 40);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
