package org.invoicepipeline.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A thin test client of the sandbox: raw HTTP with a bearer key, JSON in and out. */
final class SandboxClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers and the body as JSON (a missing node when not JSON). */
    record Reply(int status, java.net.http.HttpHeaders headers, JsonNode body, byte[] raw) {

        String errorCode() {
            return body.path("error").path("code").asText(null);
        }

        JsonNode details() {
            return body.path("error").path("details");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;

    SandboxClient(ApiSandbox sandbox, String apiKey) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), sandbox.baseUrl(), apiKey);
    }

    SandboxClient(HttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    SandboxClient withKey(String otherKey) {
        return new SandboxClient(http, baseUrl, otherKey);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    Reply postRaw(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code PUT} of raw bytes to a signed URL, with no auth. */
    Reply putUrl(String url, byte[] bytes) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** {@code GET} of a signed URL, with no auth. */
    Reply getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET());
    }

    HttpResponse<byte[]> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body;
            try {
                body = response.body().length == 0 ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.missingNode();
            }
            return new Reply(response.statusCode(), response.headers(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String md5Quoted(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- flows -------------------------------------------------------------------------------------

    /** Creates a one-file session, uploads the file in parts and completes it. */
    void uploadFile(String sessionId, String fileId, String fileName, byte[] content) {
        uploadFiles(sessionId, Map.of(fileId, Map.entry(fileName, content)));
    }

    /** Creates a session of several files (file_id -> (name, bytes)), uploads and completes each. */
    void uploadFiles(String sessionId, Map<String, Map.Entry<String, byte[]>> files) {
        List<Map<String, Object>> registrations = new ArrayList<>();
        files.forEach((id, file) -> registrations.add(Map.of("file_id", id, "file_name", file.getKey(),
                "file_size_bytes", file.getValue().length)));
        Reply session = post("/uploads/sessions", Map.of("upload_session_id", sessionId, "files", registrations));
        check(session, 200);
        long partSize = session.body().path("files").get(0).path("part_size").asLong();
        files.forEach((id, file) -> uploadParts(sessionId, id, file.getValue(), partSize));
    }

    void uploadParts(String sessionId, String fileId, byte[] content, long partSize) {
        int parts = (int) Math.max(1, (content.length + partSize - 1) / partSize);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= parts; i++) {
            numbers.add(i);
        }
        Reply urls = post("/uploads/sessions/" + sessionId + "/parts", Map.of("file_id", fileId, "part_numbers", numbers));
        check(urls, 200);
        List<Map<String, Object>> completed = new ArrayList<>();
        for (JsonNode part : urls.body().path("part_urls")) {
            int number = part.path("part_number").asInt();
            int from = (int) ((number - 1) * partSize);
            int to = (int) Math.min(content.length, from + partSize);
            Reply put = putUrl(part.path("url").asText(), java.util.Arrays.copyOfRange(content, from, to));
            check(put, 200);
            completed.add(Map.of("part_number", number, "e_tag", put.header("ETag")));
        }
        check(post("/uploads/sessions/" + sessionId + "/complete", Map.of("file_id", fileId, "parts", completed)), 200);
    }

    /** Submits and answers the extraction id. */
    String submit(Map<String, Object> body) {
        Reply reply = post("/extractions", body);
        check(reply, 202);
        return reply.body().path("extraction_id").asText();
    }

    /** Long-polls until the extraction leaves processing (or the deadline passes) and answers the last status. */
    JsonNode awaitNotProcessing(String extractionId, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        Reply reply;
        do {
            reply = get("/extractions/" + extractionId + "?wait=5");
            check(reply, 200);
        } while ("processing".equals(reply.body().path("status").asText()) && System.nanoTime() < end);
        return reply.body();
    }

    static Reply check(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("Expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
