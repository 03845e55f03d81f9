package org.invoicepipeline.sandbox.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Writes responses to, or drops, a JDK {@link HttpExchange}. */
public final class ExchangeWriter {

    private ExchangeWriter() {
    }

    public static void write(HttpExchange exchange, ApiResponse response) {
        try {
            var headers = exchange.getResponseHeaders();
            if (response.contentType() != null) {
                headers.set("Content-Type", response.contentType());
            }
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                headers.set(header.getKey(), header.getValue());
            }
            byte[] body = response.body();
            boolean noBody = body == null || body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        } finally {
            exchange.close();
        }
    }

    /**
     * Closes the connection without any response, so the client sees a network error although
     * the request was applied.
     */
    public static void drop(HttpExchange exchange) {
        exchange.close();
    }
}
