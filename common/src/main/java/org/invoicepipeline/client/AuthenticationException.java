package org.invoicepipeline.client;

import com.fasterxml.jackson.databind.JsonNode;

/** HTTP 401: the key is missing, wrong, expired or revoked ({@code UNAUTHENTICATED}, {@code API_KEY_EXPIRED}, {@code API_KEY_REVOKED}). */
public class AuthenticationException extends ApiErrorException {

    public AuthenticationException(Operation operation, String code, String message, JsonNode details) {
        super(operation, 401, code, message, false, details, null);
    }
}
