package org.invoicepipeline.poll.outcome;

import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.common.profile.SubmissionIds;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileRef;

import java.time.Clock;
import java.util.List;

/**
 * Submits files of a failed extraction again under the next attempt's deterministic {@code submission_id}
 * ({@link ResubmissionIds}): the same files after a retryable failure or a credits hold, or all but the files that
 * failed on their own. Repeating a resubmission (after a crash) returns the extraction the first one created.
 */
public final class Resubmitter {

    private final InvoiceExtractionClient client;
    private final SubmissionRequestFactory requests;
    private final Clock clock;

    public Resubmitter(InvoiceExtractionClient client, SubmissionRequestFactory requests, Clock clock) {
        this.client = client;
        this.requests = requests;
        this.clock = clock;
    }

    /** Resubmits the same files and returns the event announcing the new attempt. */
    public ExtractionSubmitted resubmit(ExtractionSubmitted previous) {
        return resubmit(previous, previous.getFiles(), true);
    }

    /** Resubmits {@code remaining}, a part of the previous files, and returns the event announcing it. */
    public ExtractionSubmitted resubmitOnly(ExtractionSubmitted previous, List<FileRef> remaining) {
        return resubmit(previous, remaining, remaining.equals(previous.getFiles()));
    }

    private ExtractionSubmitted resubmit(ExtractionSubmitted previous, List<FileRef> files, boolean sameFiles) {
        int attempt = previous.getAttempt() + 1;
        List<String> apiFileIds = files.stream().map(FileRef::getApiFileId).toList();
        SubmitExtractionRequest built = requests.build(previous.getProfile(), previous.getUploadSessionId(),
                apiFileIds, attempt);
        String submissionId = ResubmissionIds.of(previous.getUploadSessionId(), previous.getSubmissionId(),
                previous.getAttempt(), apiFileIds, sameFiles, attempt);
        SubmitExtractionRequest request = new SubmitExtractionRequest(submissionId, built.uploadSessionId(),
                built.fileIds(), built.taskName(), built.prompt(), built.outputStructure(), built.options());
        String extractionId = submit(request);
        return ExtractionSubmitted.newBuilder(previous)
                .setSubmissionId(request.submissionId())
                .setExtractionId(extractionId)
                .setFiles(files)
                .setAttempt(attempt)
                .setSubmittedAt(clock.instant())
                .build();
    }

    private String submit(SubmitExtractionRequest request) {
        try {
            return client.submitExtraction(request).extractionId();
        }
        catch (ApiErrorException e) {
            // A replayed resubmission whose request differs: the extraction this attempt created.
            return SubmissionIds.alreadyCreated(e).orElseThrow(() -> e);
        }
    }
}
