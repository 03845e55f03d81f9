package org.invoicepipeline.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JSON calls of the API: the request with its bearer key and SDK headers, the typed response, the error envelope
 * turned into an exception, all run through the {@link RequestExecutor}. Logs method, path and status only.
 */
final class ApiCalls {

    private static final Logger log = LoggerFactory.getLogger(ApiCalls.class);

    private final ClientOptions options;
    private final HttpClient http;
    private final RequestExecutor executor;
    private final ObjectMapper json;
    private final ErrorResponses errors;
    private final String authorization;

    public ApiCalls(ClientOptions options, HttpClient http, RequestExecutor executor, ObjectMapper json) {
        this.options = options;
        this.http = http;
        this.executor = executor;
        this.json = json;
        this.errors = new ErrorResponses(json);
        this.authorization = "Bearer " + options.apiKey();
    }

    /** One call; the read timeout is the configured one plus {@code extraTimeout} (a long poll's wait). */
    public <T> T call(Operation operation, String method, String path, QueryString query, Object body,
                      Class<T> responseType, Duration extraTimeout) {
        return call(operation, method, path, query, body, responseType, extraTimeout, new AtomicBoolean());
    }

    /** As above, setting {@code sawTransportFailure} when an attempt got no answer (the server may have acted). */
    public <T> T call(Operation operation, String method, String path, QueryString query, Object body,
                      Class<T> responseType, Duration extraTimeout, AtomicBoolean sawTransportFailure) {
        JavaType type = json.getTypeFactory().constructType(responseType);
        byte[] payload = body == null ? null : serialize(operation, body);
        URI uri = URI.create(options.baseUrl() + path + (query == null ? "" : query.toString()));
        HttpRequest request = newRequest(uri, method, payload, options.readTimeout().plus(extraTimeout));
        return executor.execute(operation, attempt -> {
            long start = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                sawTransportFailure.set(true);
                log.debug("{} {} attempt {}: no answer ({})", method, path, attempt, e.getClass().getSimpleName());
                throw e;
            }
            int status = response.statusCode();
            log.debug("{} {} attempt {} -> {} in {} ms", method, path, attempt, status,
                    (System.nanoTime() - start) / 1_000_000);
            if (status / 100 != 2) {
                throw errors.toException(operation, status, response.headers(), response.body());
            }
            try {
                return json.readValue(response.body(), type);
            } catch (JsonProcessingException e) {
                throw new InvoiceExtractionException(operation,
                        operation.operationId() + " answered with an unreadable body: " + e.getOriginalMessage(), null);
            }
        });
    }

    /** Binds part of an answer already read (e.g. the {@code extraction} of a details answer). */
    public <T> T convert(Operation operation, JsonNode node, Class<T> target) {
        try {
            return json.treeToValue(node, target);
        } catch (JsonProcessingException e) {
            throw new InvoiceExtractionException(operation,
                    operation.operationId() + " answered with an unreadable body: " + e.getOriginalMessage(), null);
        }
    }

    private HttpRequest newRequest(URI uri, String method, byte[] payload, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("X-SDK-Name", options.sdkName())
                .header("X-SDK-Version", options.sdkVersion());
        if (payload != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private byte[] serialize(Operation operation, Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new InvoiceExtractionException(operation,
                    "could not serialise the request of " + operation.operationId(), e);
        }
    }
}
