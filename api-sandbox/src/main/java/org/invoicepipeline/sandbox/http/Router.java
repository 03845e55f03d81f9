package org.invoicepipeline.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches a method and path against path templates such as {@code /v1/extractions/{extraction_id}}. */
public final class Router<H> {

    /** A matched route with its decoded path variables. */
    public record Match<H>(H target, Map<String, String> variables) {
    }

    private record Route<H>(String method, String[] segments, H target) {
    }

    private final List<Route<H>> routes = new ArrayList<>();

    public Router<H> add(String method, String template, H target) {
        routes.add(new Route<>(method, split(template), target));
        return this;
    }

    public Optional<Match<H>> match(String method, String path) {
        String[] actual = split(path);
        for (Route<H> route : routes) {
            if (!route.method.equals(method) || route.segments.length != actual.length) {
                continue;
            }
            Map<String, String> variables = matchSegments(route.segments, actual);
            if (variables != null) {
                return Optional.of(new Match<>(route.target, variables));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matchSegments(String[] template, String[] actual) {
        Map<String, String> variables = new HashMap<>(2);
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                variables.put(t.substring(1, t.length() - 1),
                        URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!t.equals(actual[i])) {
                return null;
            }
        }
        return variables;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
