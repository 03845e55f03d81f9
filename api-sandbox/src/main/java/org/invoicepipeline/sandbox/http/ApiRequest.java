package org.invoicepipeline.sandbox.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

import org.invoicepipeline.sandbox.account.Account;

/** One parsed request: method, path variables, query parameters, body and the caller's account. */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Headers headers;
    private final byte[] body;
    private Map<String, String> pathVariables = Map.of();
    private Account account;

    public ApiRequest(String method, String path, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(params);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Map<String, String> queryParameters() {
        return query;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    public byte[] body() {
        return body;
    }

    /** The body as a JSON object, or {@code INVALID_INPUT} when it is missing or not a JSON object. */
    public JsonNode jsonObjectBody() {
        JsonNode node;
        try {
            node = body.length == 0 ? null : Json.parse(body);
        } catch (IOException e) {
            throw ApiException.invalidInput(List.of(Map.of("message", "The request body is not valid JSON.",
                    "path", List.of())));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalidInput(List.of(Map.of("message", "The request body must be a JSON object.",
                    "path", List.of())));
        }
        return node;
    }

    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    void pathVariables(Map<String, String> variables) {
        this.pathVariables = variables;
    }

    public Account account() {
        return account;
    }

    void account(Account account) {
        this.account = account;
    }
}
