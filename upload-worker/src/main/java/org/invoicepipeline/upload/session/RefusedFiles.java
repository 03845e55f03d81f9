package org.invoicepipeline.upload.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.upload.plan.PlannedFile;

/**
 * The files of a session the API refused by name: a non-retryable {@code createUploadSession} error whose
 * {@code details.issues} point at {@code files[i]} (a {@code path} of {@code ["files", i, ...]}, or written
 * {@code files[i].file_name}). {@code i} indexes the request's files, which are the plan's files in order.
 */
final class RefusedFiles {

    private static final Pattern WRITTEN_PATH = Pattern.compile("^files\\[(\\d+)]");

    private RefusedFiles() {
    }

    /** Each refused file with the API's messages about it; empty when the error names no file of {@code files}. */
    static Map<PlannedFile, String> of(ApiErrorException error, List<PlannedFile> files) {
        Map<PlannedFile, String> refused = new LinkedHashMap<>();
        if (error.isRetryable()) {
            return refused;
        }
        JsonNode issues = error.details().map(d -> d.path("issues")).orElse(null);
        if (issues == null || !issues.isArray()) {
            return refused;
        }
        for (JsonNode issue : issues) {
            int index = fileIndex(issue.path("path"));
            if (index >= 0 && index < files.size()) {
                String message = issue.path("message").asText(error.code());
                refused.merge(files.get(index), message, (a, b) -> a + "; " + b);
            }
        }
        return refused;
    }

    private static int fileIndex(JsonNode path) {
        if (path.isArray() && path.size() >= 2 && "files".equals(path.get(0).asText()) && path.get(1).canConvertToInt()) {
            return path.get(1).asInt();
        }
        if (path.isTextual()) {
            Matcher matcher = WRITTEN_PATH.matcher(path.asText());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return -1;
    }
}
