package org.invoicepipeline.sandbox.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.invoicepipeline.sandbox.fault.FaultPlan;
import org.invoicepipeline.sandbox.time.SandboxClock;

/**
 * Issues and checks the sandbox's own pre-signed URLs (part uploads and output downloads), in the
 * manner of S3: the path plus issue and expiry times, signed with a per-run HMAC secret.
 */
public final class SignedUrls {

    /** The outcome of checking a presented URL. */
    public enum Verdict { VALID, EXPIRED, BAD_SIGNATURE }

    static final String ISSUED = "X-Sandbox-Issued";
    static final String EXPIRES = "X-Sandbox-Expires";
    static final String SIGNATURE = "X-Sandbox-Signature";

    private final SandboxClock clock;
    private final FaultPlan faults;
    private final Supplier<String> origin;
    private final byte[] secret = new byte[32];

    public SignedUrls(SandboxClock clock, FaultPlan faults, Supplier<String> origin) {
        this.clock = clock;
        this.faults = faults;
        this.origin = origin;
        new SecureRandom().nextBytes(secret);
    }

    /** An absolute URL for {@code path} valid for {@code documentedTtl} (unless a fault shortens it). */
    public String sign(String path, Duration documentedTtl) {
        long issued = clock.nowMillis();
        long expires = issued + faults.effectiveSignedUrlTtl(documentedTtl).toMillis();
        return origin.get() + path + "?" + ISSUED + "=" + issued + "&" + EXPIRES + "=" + expires
                + "&" + SIGNATURE + "=" + signature(path, issued, expires);
    }

    public Verdict verify(String path, Map<String, String> query) {
        try {
            long issued = Long.parseLong(query.getOrDefault(ISSUED, ""));
            long expires = Long.parseLong(query.getOrDefault(EXPIRES, ""));
            String presented = query.getOrDefault(SIGNATURE, "");
            if (!MessageDigest.isEqual(signature(path, issued, expires).getBytes(StandardCharsets.US_ASCII),
                    presented.getBytes(StandardCharsets.US_ASCII))) {
                return Verdict.BAD_SIGNATURE;
            }
            if (clock.nowMillis() >= expires || faults.signedUrlRevoked(issued)) {
                return Verdict.EXPIRED;
            }
            return Verdict.VALID;
        } catch (NumberFormatException e) {
            return Verdict.BAD_SIGNATURE;
        }
    }

    /** A URL with its query string removed, for logs and error messages. */
    public static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?<redacted>";
    }

    private String signature(String path, long issued, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((path + "\n" + issued + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
