package org.invoicepipeline.client.model;

/** One page of one file. */
public record PageReference(String fileName, int page) {
}
