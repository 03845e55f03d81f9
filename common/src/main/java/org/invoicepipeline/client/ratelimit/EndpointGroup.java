package org.invoicepipeline.client.ratelimit;

/**
 * The API's rate-limit groups with their documented limits (requests per minute per API key). Only the upload
 * endpoints share one limit; every other documented limit is per endpoint.
 */
public enum EndpointGroup {
    /** createUploadSession, getUploadPartUrls, completeFileUpload together. */
    UPLOADS(600),
    IMPORT(20),
    SUBMIT(30),
    /** getExtraction; a held long-poll counts as one request. */
    STATUS(120),
    LIST(60),
    RESULTS(60),
    DETAILS(60),
    CREDITS(60),
    OUTPUT(30),
    CANCEL(30),
    ANSWERS(30),
    DELETE(30);

    private final int documentedPerMinute;

    EndpointGroup(int documentedPerMinute) {
        this.documentedPerMinute = documentedPerMinute;
    }

    public int documentedPerMinute() {
        return documentedPerMinute;
    }
}
