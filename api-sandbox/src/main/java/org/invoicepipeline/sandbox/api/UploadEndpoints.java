package org.invoicepipeline.sandbox.api;

import org.invoicepipeline.sandbox.http.ApiRequest;
import org.invoicepipeline.sandbox.http.ApiResponse;
import org.invoicepipeline.sandbox.upload.UploadService;

/** createUploadSession, getUploadPartUrls and completeFileUpload. */
public final class UploadEndpoints {

    private final UploadService uploads;

    public UploadEndpoints(UploadService uploads) {
        this.uploads = uploads;
    }

    public ApiResponse createUploadSession(ApiRequest request) {
        return ApiResponse.ok(uploads.createSession(request.account(), request.jsonObjectBody()));
    }

    public ApiResponse getUploadPartUrls(ApiRequest request) {
        return ApiResponse.ok(uploads.partUrls(request.account(), request.pathVariable("upload_session_id"),
                request.jsonObjectBody()));
    }

    public ApiResponse completeFileUpload(ApiRequest request) {
        return ApiResponse.ok(uploads.complete(request.account(), request.pathVariable("upload_session_id"),
                request.jsonObjectBody()));
    }
}
