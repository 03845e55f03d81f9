package org.invoicepipeline.sandbox.ratelimit;

import org.invoicepipeline.sandbox.http.Operation;

/**
 * The documented per-key rate limits, per minute. The three upload endpoints share one limit;
 * every other operation has its own.
 */
public enum RateLimitGroup {
    UPLOADS(600),
    SUBMIT_EXTRACTION(30),
    LIST_EXTRACTIONS(60),
    GET_EXTRACTION(120),
    DELETE_EXTRACTION(30),
    GET_EXTRACTION_RESULTS(60),
    GET_EXTRACTION_DETAILS(60),
    GET_OUTPUT_DOWNLOAD_URL(30),
    CANCEL_EXTRACTION(30),
    ANSWER_EXTRACTION_QUESTIONS(30),
    GET_CREDITS_BALANCE(60);

    private final int requestsPerMinute;

    RateLimitGroup(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** The group an operation counts against; {@code null} for the unauthenticated storage operations. */
    public static RateLimitGroup of(Operation operation) {
        return switch (operation) {
            case CREATE_UPLOAD_SESSION, GET_UPLOAD_PART_URLS, COMPLETE_FILE_UPLOAD -> UPLOADS;
            case SUBMIT_EXTRACTION -> SUBMIT_EXTRACTION;
            case LIST_EXTRACTIONS -> LIST_EXTRACTIONS;
            case GET_EXTRACTION -> GET_EXTRACTION;
            case DELETE_EXTRACTION -> DELETE_EXTRACTION;
            case GET_EXTRACTION_RESULTS -> GET_EXTRACTION_RESULTS;
            case GET_EXTRACTION_DETAILS -> GET_EXTRACTION_DETAILS;
            case GET_OUTPUT_DOWNLOAD_URL -> GET_OUTPUT_DOWNLOAD_URL;
            case CANCEL_EXTRACTION -> CANCEL_EXTRACTION;
            case ANSWER_EXTRACTION_QUESTIONS -> ANSWER_EXTRACTION_QUESTIONS;
            case GET_CREDITS_BALANCE -> GET_CREDITS_BALANCE;
            case UPLOAD_PART, DOWNLOAD_OUTPUT -> null;
        };
    }
}
