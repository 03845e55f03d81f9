package org.invoicepipeline.sandbox.http;

/** An operation and the handler serving it. */
public record ApiRoute(Operation operation, ApiHandler handler) {
}
