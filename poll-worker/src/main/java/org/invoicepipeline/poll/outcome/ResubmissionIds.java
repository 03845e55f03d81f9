package org.invoicepipeline.poll.outcome;

import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.common.profile.SubmissionIds;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Deterministic {@code submission_id}s of resubmissions. The same files of a session keep common's
 * {@link SubmissionIds#of} ids ({@code sub-<session hash>-<attempt>}); once files were excluded (they failed the
 * extraction on their own, e.g. {@code ENCRYPTED_FILE}), the id is derived from the session and the files still
 * submitted, i.e. from the session and the excluded files: {@code sub-<hash of session and file ids>-<attempt>}.
 * A replay after a crash (same event, same failure) yields the same id, so the API returns the extraction the
 * first call created and nothing is charged twice; a different set of files never shares an id.
 */
public final class ResubmissionIds {

    private static final int HASH_HEX_CHARS = 40;

    private ResubmissionIds() {
    }

    /** The id of submitting {@code apiFileIds} of the session again as {@code attempt}. */
    public static String of(String uploadSessionId, String previousSubmissionId, int previousAttempt,
                            List<String> apiFileIds, boolean sameFiles, int attempt) {
        boolean fullSession = previousSubmissionId.equals(SubmissionIds.of(uploadSessionId, previousAttempt));
        if (sameFiles && fullSession) {
            return SubmissionIds.of(uploadSessionId, attempt);
        }
        return forFiles(uploadSessionId, apiFileIds, attempt);
    }

    /** {@code sub-<40 hex of SHA-256 of the session id and the sorted file ids>-<attempt>}. */
    static String forFiles(String uploadSessionId, List<String> apiFileIds, int attempt) {
        Objects.requireNonNull(uploadSessionId, "uploadSessionId");
        String files = apiFileIds.stream().sorted().collect(Collectors.joining("\n"));
        return "sub-" + Sha256.hexPrefix("submission\n" + uploadSessionId + "\nfiles\n" + files, HASH_HEX_CHARS)
                + "-" + attempt;
    }
}
