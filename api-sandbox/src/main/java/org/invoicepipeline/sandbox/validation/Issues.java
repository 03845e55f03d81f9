package org.invoicepipeline.sandbox.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.sandbox.http.ApiException;

/** Collects validation problems, each a message and a JSON path, for one {@code INVALID_INPUT}. */
public final class Issues {

    private final List<Map<String, Object>> issues = new ArrayList<>();

    public Issues add(String message, Object... path) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("message", message);
        issue.put("path", List.copyOf(Arrays.asList(path)));
        issues.add(issue);
        return this;
    }

    public Issues add(String message, List<Object> path) {
        return add(message, path.toArray());
    }

    public boolean isEmpty() {
        return issues.isEmpty();
    }

    /** Throws {@code INVALID_INPUT} carrying every collected issue, if there is any. */
    public void throwIfAny() {
        if (!issues.isEmpty()) {
            throw ApiException.invalidInput(List.copyOf(issues));
        }
    }

    /** A single-issue {@code INVALID_INPUT}. */
    public static ApiException single(String message, Object... path) {
        return ApiException.invalidInput(new Issues().add(message, path).issues);
    }
}
