package org.invoicepipeline.sandbox.api;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.invoicepipeline.sandbox.account.Account;
import org.invoicepipeline.sandbox.output.OutputFormat;
import org.invoicepipeline.sandbox.storage.SignedUrls;

/** Signed download URLs for output files, served by the sandbox itself under {@code /_storage/outputs/}. */
public final class OutputLinks {

    public static final String PATH_PREFIX = "/_storage/outputs/";

    /** Where a signed output URL points. */
    public record Target(String accountId, UUID extractionId, OutputFormat format) {

        public static Optional<Target> parse(String path) {
            if (!path.startsWith(PATH_PREFIX)) {
                return Optional.empty();
            }
            String[] segments = path.substring(PATH_PREFIX.length()).split("/", -1);
            if (segments.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Target(segments[0], UUID.fromString(segments[1]), OutputFormat.fromWire(segments[2])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private final SignedUrls signedUrls;
    private final Duration ttl;

    public OutputLinks(SignedUrls signedUrls, Duration ttl) {
        this.signedUrls = signedUrls;
        this.ttl = ttl;
    }

    public String url(Account account, UUID extractionId, OutputFormat format) {
        return signedUrls.sign(PATH_PREFIX + account.id() + "/" + extractionId + "/" + format.wireValue(), ttl);
    }

    public Duration ttl() {
        return ttl;
    }
}
