package org.invoicepipeline.client.model;

/**
 * A completed file, ready to be named in an extraction. {@code status} is {@code "completed"} when this
 * call completed the file and {@code null} when it was already complete (a retried completion).
 */
public record CompletedFile(String uploadSessionId, String fileId, String fileName, String status) {

    public boolean completedByThisCall() {
        return "completed".equals(status);
    }
}
