package org.invoicepipeline.poll.failure;

import com.fasterxml.jackson.databind.JsonNode;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.events.FileRef;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides what a failed extraction leads to, from the API's error alone (a pure function):
 * <ul>
 *   <li>{@code INSUFFICIENT_CREDITS} is an account state, never a file failure: hold and resubmit the same files
 *       once the usable credits cover them, whatever the attempt;</li>
 *   <li>a failure whose {@code details.file_names} names some of the files (the contract documents it for
 *       {@code ENCRYPTED_FILE} and {@code FILE_PAGE_LIMIT_EXCEEDED}; any other code that names files is treated
 *       alike) fails those files and resubmits the others at once, unlimited by the attempts (each step drops a
 *       file); when it names every file, or none of ours, every file fails;</li>
 *   <li>a retryable failure ({@code retryable: true}, or a code of {@code resubmittable},
 *       {@code pipeline.poll.resubmittable-codes}) resubmits the same files until {@code maxAttempts} submissions
 *       were made;</li>
 *   <li>anything else fails every file.</li>
 * </ul>
 * {@code FileRef.file_name} is the name used in the upload session, which is what {@code details.file_names}
 * reports.
 */
public final class FailedExtractionPolicy {

    /** The account's credits were short when the extraction started. */
    public static final String INSUFFICIENT_CREDITS = "INSUFFICIENT_CREDITS";

    private FailedExtractionPolicy() {
    }

    /**
     * @param error       the failed extraction's error, or {@code null} when the API sent none
     * @param files       the extraction's files
     * @param attempt     the extraction's submission attempt (1-based)
     * @param maxAttempts submissions of the same files allowed in all
     * @param resubmittable failure codes that may succeed when the same files are submitted again with a new
     *                      submission id, even without {@code retryable: true}
     */
    public static FailedExtractionDecision decide(ApiError error, List<FileRef> files, int attempt, int maxAttempts,
                                                  Set<String> resubmittable) {
        if (error == null) {
            return FailedExtractionDecision.failAll(FailedExtractionDecision.Kind.FAIL_ALL, files);
        }
        if (INSUFFICIENT_CREDITS.equals(error.code())) {
            return FailedExtractionDecision.resubmit(FailedExtractionDecision.Kind.HOLD_FOR_CREDITS, files);
        }
        Set<String> named = fileNames(error.details());
        if (!named.isEmpty() && !error.isRetryable()) {
            List<FileRef> failing = files.stream().filter(f -> named.contains(f.getFileName())).toList();
            if (failing.isEmpty() || failing.size() == files.size()) {
                return FailedExtractionDecision.failAll(FailedExtractionDecision.Kind.FAIL_ALL, files);
            }
            List<FileRef> others = files.stream().filter(f -> !named.contains(f.getFileName())).toList();
            return new FailedExtractionDecision(FailedExtractionDecision.Kind.RESUBMIT_WITHOUT, failing, others);
        }
        if (error.isRetryable() || resubmittable.contains(error.code())) {
            return attempt < maxAttempts
                    ? FailedExtractionDecision.resubmit(FailedExtractionDecision.Kind.RESUBMIT_SAME, files)
                    : FailedExtractionDecision.failAll(FailedExtractionDecision.Kind.ATTEMPTS_EXHAUSTED, files);
        }
        return FailedExtractionDecision.failAll(FailedExtractionDecision.Kind.FAIL_ALL, files);
    }

    private static Set<String> fileNames(JsonNode details) {
        Set<String> names = new HashSet<>();
        if (details != null && details.path("file_names").isArray()) {
            details.path("file_names").forEach(name -> {
                if (name.isTextual()) {
                    names.add(name.asText());
                }
            });
        }
        return names;
    }
}
