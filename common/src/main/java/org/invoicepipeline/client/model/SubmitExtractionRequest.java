package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * Body of {@code submitExtraction}. The {@code submissionId} makes the call idempotent: the same request
 * sent again returns the existing extraction, which is why the client may retry it after an ambiguous failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitExtractionRequest(String submissionId,
                                      String uploadSessionId,
                                      List<String> fileIds,
                                      String taskName,
                                      Prompt prompt,
                                      OutputStructure outputStructure,
                                      ExtractionOptions options) {

    public SubmitExtractionRequest {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(uploadSessionId, "uploadSessionId");
        fileIds = List.copyOf(fileIds);
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(outputStructure, "outputStructure");
        if (outputStructure == OutputStructure.UNRECOGNISED) {
            throw new IllegalArgumentException("outputStructure must be automatic, per_invoice or per_line_item");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String submissionId;
        private String uploadSessionId;
        private List<String> fileIds;
        private String taskName;
        private Prompt prompt;
        private OutputStructure outputStructure = OutputStructure.AUTOMATIC;
        private ExtractionOptions options;

        private Builder() {
        }

        public Builder submissionId(String submissionId) {
            this.submissionId = submissionId;
            return this;
        }

        public Builder uploadSessionId(String uploadSessionId) {
            this.uploadSessionId = uploadSessionId;
            return this;
        }

        public Builder fileIds(List<String> fileIds) {
            this.fileIds = fileIds;
            return this;
        }

        public Builder taskName(String taskName) {
            this.taskName = taskName;
            return this;
        }

        public Builder prompt(Prompt prompt) {
            this.prompt = prompt;
            return this;
        }

        /** A prompt in a sentence. */
        public Builder prompt(String sentence) {
            this.prompt = new TextPrompt(sentence);
            return this;
        }

        public Builder outputStructure(OutputStructure outputStructure) {
            this.outputStructure = outputStructure;
            return this;
        }

        public Builder options(ExtractionOptions options) {
            this.options = options;
            return this;
        }

        public SubmitExtractionRequest build() {
            return new SubmitExtractionRequest(submissionId, uploadSessionId, fileIds, taskName, prompt,
                    outputStructure, options);
        }
    }
}
