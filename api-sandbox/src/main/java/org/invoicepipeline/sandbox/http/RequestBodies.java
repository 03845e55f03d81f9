package org.invoicepipeline.sandbox.http;

import java.io.IOException;
import java.io.InputStream;

import com.sun.net.httpserver.HttpExchange;

/** Reads request bodies from a JDK {@link HttpExchange}. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The whole request body (read even when it is not used, so the connection can be kept alive);
     * empty when the client went away while sending it.
     */
    public static byte[] read(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
