package org.invoicepipeline.sandbox.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every operation the sandbox serves: the contract's operationIds plus the two storage operations
 * behind signed URLs. Faults, counters and rate limits are keyed by it.
 */
public enum Operation {
    CREATE_UPLOAD_SESSION("createUploadSession"),
    GET_UPLOAD_PART_URLS("getUploadPartUrls"),
    COMPLETE_FILE_UPLOAD("completeFileUpload"),
    SUBMIT_EXTRACTION("submitExtraction"),
    LIST_EXTRACTIONS("listExtractions"),
    GET_EXTRACTION("getExtraction"),
    DELETE_EXTRACTION("deleteExtraction"),
    GET_EXTRACTION_RESULTS("getExtractionResults"),
    GET_EXTRACTION_DETAILS("getExtractionDetails"),
    GET_OUTPUT_DOWNLOAD_URL("getOutputDownloadUrl"),
    CANCEL_EXTRACTION("cancelExtraction"),
    ANSWER_EXTRACTION_QUESTIONS("answerExtractionQuestions"),
    GET_CREDITS_BALANCE("getCreditsBalance"),
    /** {@code PUT} of a part's bytes to a signed upload URL (no API key). */
    UPLOAD_PART("uploadPart"),
    /** {@code GET} of an output file from a signed download URL (no API key). */
    DOWNLOAD_OUTPUT("downloadOutput");

    private final String operationId;

    Operation(String operationId) {
        this.operationId = operationId;
    }

    public String operationId() {
        return operationId;
    }

    public static Optional<Operation> byOperationId(String operationId) {
        return Arrays.stream(values()).filter(o -> o.operationId.equals(operationId)).findFirst();
    }
}
