package org.invoicepipeline.common.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for deterministic ids and content checksums, so no caller handles the checked
 * {@link NoSuchAlgorithmException} that cannot happen (every JVM must provide SHA-256).
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** A fresh digest, e.g. for a {@link java.security.DigestOutputStream}. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The 64 lower-case hex characters of the SHA-256 of {@code text}'s UTF-8 bytes. */
    public static String hex(String text) {
        return HEX.formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The first {@code hexChars} (at most 64) characters of {@link #hex(String)}. */
    public static String hexPrefix(String text, int hexChars) {
        return hex(text).substring(0, hexChars);
    }
}
