package org.invoicepipeline.client.model;

/** A file attached in an assistant's conversation, named by the download link the assistant gave. */
public record ImportFile(String fileId, String fileName, String url) {
}
