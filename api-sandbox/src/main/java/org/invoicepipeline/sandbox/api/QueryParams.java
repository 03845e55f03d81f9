package org.invoicepipeline.sandbox.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.invoicepipeline.sandbox.http.ApiException;
import org.invoicepipeline.sandbox.http.ApiRequest;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.sandbox.validation.Issues;
import org.invoicepipeline.sandbox.validation.SchemaChecks;

/** Validation of path and query parameters shared by the extraction endpoints. */
final class QueryParams {

    private QueryParams() {
    }

    /** The {@code extraction_id} path parameter as a UUID, or {@code INVALID_INPUT}. */
    static UUID extractionId(ApiRequest request, Issues issues) {
        String raw = request.pathVariable("extraction_id");
        if (!SchemaChecks.uuid(raw)) {
            issues.add("extraction_id must be a UUID.", "extraction_id");
            return null;
        }
        return UUID.fromString(raw);
    }

    /**
     * Checks {@code scope}: {@code own} (or absent) passes; {@code team} is {@code FORBIDDEN} since
     * no sandbox key is a team admin; anything else is an issue.
     */
    static void scope(ApiRequest request, Issues issues) {
        Optional<String> scope = request.query("scope");
        if (scope.isEmpty() || scope.get().equals("own")) {
            return;
        }
        if (scope.get().equals("team")) {
            issues.throwIfAny();
            throw new ApiException(ErrorCode.FORBIDDEN, "scope=team is only available to team admins; this key's "
                    + "account is not a team admin.", null);
        }
        issues.add("scope must be one of: own, team.", "scope");
    }

    static Optional<Long> integer(ApiRequest request, String name, long min, long max, Issues issues) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min || value > max) {
                issues.add(name + " must be between " + min + " and " + max + ".", name);
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            issues.add(name + " must be an integer.", name);
            return Optional.empty();
        }
    }

    static Optional<String> oneOf(ApiRequest request, String name, Set<String> allowed, Issues issues) {
        Optional<String> raw = request.query(name);
        if (raw.isPresent() && !allowed.contains(raw.get())) {
            issues.add(name + " must be one of: " + String.join(", ", new TreeSet<>(allowed)) + ".", name);
            return Optional.empty();
        }
        return raw;
    }

    static Optional<Instant> dateTime(ApiRequest request, String name, Issues issues) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw.get()).toInstant());
        } catch (DateTimeParseException e) {
            issues.add(name + " must be an ISO 8601 date-time with a timezone.", name);
            return Optional.empty();
        }
    }
}
