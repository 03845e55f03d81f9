package org.invoicepipeline.client;

import org.invoicepipeline.client.ratelimit.EndpointGroup;

/**
 * Every call the client makes, named by the API's operationId, with the rate-limit group it counts against.
 * The two signed-URL transfers (part PUT, output GET) go to storage, not the API, and have no group.
 */
public enum Operation {
    CREATE_UPLOAD_SESSION("createUploadSession", EndpointGroup.UPLOADS),
    GET_UPLOAD_PART_URLS("getUploadPartUrls", EndpointGroup.UPLOADS),
    UPLOAD_PART("uploadPart", null),
    COMPLETE_FILE_UPLOAD("completeFileUpload", EndpointGroup.UPLOADS),
    IMPORT_ATTACHED_FILES("importAttachedFiles", EndpointGroup.IMPORT),
    SUBMIT_EXTRACTION("submitExtraction", EndpointGroup.SUBMIT),
    LIST_EXTRACTIONS("listExtractions", EndpointGroup.LIST),
    GET_EXTRACTION("getExtraction", EndpointGroup.STATUS),
    DELETE_EXTRACTION("deleteExtraction", EndpointGroup.DELETE),
    GET_EXTRACTION_RESULTS("getExtractionResults", EndpointGroup.RESULTS),
    GET_EXTRACTION_DETAILS("getExtractionDetails", EndpointGroup.DETAILS),
    GET_OUTPUT_DOWNLOAD_URL("getOutputDownloadUrl", EndpointGroup.OUTPUT),
    DOWNLOAD_OUTPUT("downloadOutput", null),
    CANCEL_EXTRACTION("cancelExtraction", EndpointGroup.CANCEL),
    ANSWER_EXTRACTION_QUESTIONS("answerExtractionQuestions", EndpointGroup.ANSWERS),
    GET_CREDITS_BALANCE("getCreditsBalance", EndpointGroup.CREDITS);

    private final String operationId;
    private final EndpointGroup group;

    Operation(String operationId, EndpointGroup group) {
        this.operationId = operationId;
        this.group = group;
    }

    /** The operationId of the API contract; used as the {@code operation} metric tag. */
    public String operationId() {
        return operationId;
    }

    /** The rate-limit group, or {@code null} for signed-URL transfers that the API does not rate-limit. */
    public EndpointGroup group() {
        return group;
    }
}
