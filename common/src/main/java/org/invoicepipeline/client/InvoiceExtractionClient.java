package org.invoicepipeline.client;

import org.invoicepipeline.client.http.HttpClients;
import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.CancellationResult;
import org.invoicepipeline.client.model.CompletedFile;
import org.invoicepipeline.client.model.CreditsBalance;
import org.invoicepipeline.client.model.ExtractionDetails;
import org.invoicepipeline.client.model.ExtractionList;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.ExtractionSummary;
import org.invoicepipeline.client.model.ImportFile;
import org.invoicepipeline.client.model.ImportResult;
import org.invoicepipeline.client.model.ListExtractionsQuery;
import org.invoicepipeline.client.model.OutputDownloadUrl;
import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.client.model.PartUrls;
import org.invoicepipeline.client.model.ResultsPage;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.client.model.Submission;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.model.UploadedPart;
import org.invoicepipeline.client.upload.UploadSource;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A typed, rate-aware client of the Invoice Data Extraction API. Thread-safe; share one instance.
 *
 * <p>Every call waits for a permit of its endpoint group (shared by all clients of the JVM using the same key),
 * retries retryable failures with backoff (Retry-After wins) and fails with an {@link InvoiceExtractionException}:
 * {@link ApiErrorException} (with {@link RateLimitedException} and {@link AuthenticationException}) when the API
 * answered with an error, {@link ApiTransportException} when no answer came, {@link SignedUrlException} when
 * storage refused a signed-URL transfer.
 */
public interface InvoiceExtractionClient extends AutoCloseable {

    static InvoiceExtractionClient create(ClientOptions options) {
        return HttpClients.create(options);
    }

    /** A client configured from the environment ({@value ClientOptions#API_KEY_ENV}) with defaults. */
    static InvoiceExtractionClient fromEnvironment() {
        return create(ClientOptions.builder().build());
    }

    ClientOptions options();

    // ---- uploads ------------------------------------------------------------------------------------------

    /** Registers 1 to 6,000 files; idempotent by {@code uploadSessionId} with the same files. */
    UploadSession createUploadSession(String uploadSessionId, List<UploadFileSpec> files);

    /** Signed URLs for up to 1,000 part numbers of one file, valid for 15 minutes. */
    PartUrls getUploadPartUrls(String uploadSessionId, String fileId, List<Integer> partNumbers);

    /**
     * PUTs {@code length} bytes of {@code source} from {@code offset} to a signed part URL (no auth header) and
     * returns the ETag exactly as returned, quotes included. Streams from the source; re-opens it on retry.
     */
    String uploadPart(String signedUrl, UploadSource source, long offset, long length);

    /** Finalises one file from its parts' ETags; a repeat for a completed file succeeds again. */
    CompletedFile completeFileUpload(String uploadSessionId, String fileId, List<UploadedPart> parts);

    /**
     * Uploads one registered file part by part ({@code ceil(size / partSize)} parts), requesting part URLs in
     * batches just before use and again when one has expired, then completes it.
     */
    CompletedFile uploadFile(String uploadSessionId, String fileId, long partSize, UploadSource source);

    /** {@link #uploadFile(String, String, long, UploadSource)} with the part size the session gave the file. */
    default CompletedFile uploadFile(UploadSession session, String fileId, UploadSource source) {
        return uploadFile(session.uploadSessionId(), fileId, session.file(fileId).partSize(), source);
    }

    /** Imports files attached in an assistant's conversation (1 to 100) in one call. */
    ImportResult importAttachedFiles(String uploadSessionId, List<ImportFile> files);

    // ---- extractions --------------------------------------------------------------------------------------

    /** Submits an extraction; idempotent by {@code submissionId}. */
    Submission submitExtraction(SubmitExtractionRequest request);

    /** The current status, at once. */
    ExtractionStatus getExtraction(String extractionId);

    /**
     * The status, held by the server up to {@code wait} (1 to 45 seconds) until the extraction leaves
     * {@code processing}; the read timeout of this call is {@code wait} plus the configured read timeout.
     */
    ExtractionStatus getExtraction(String extractionId, Duration wait);

    /** One page of rows ({@code limit} 1 to 1,000). */
    ResultsPage getExtractionResults(String extractionId, int offset, int limit);

    /** Every page of rows, fetched lazily as the stream is consumed. */
    Stream<ResultsPage> resultPages(String extractionId, int pageSize);

    /** Every row, fetched lazily page by page (1,000 rows per request). */
    default Stream<Map<String, Object>> resultRows(String extractionId) {
        return resultPages(extractionId, 1000).flatMap(page -> page.rows().stream());
    }

    /** The full record of one extraction. */
    ExtractionDetails getExtractionDetails(String extractionId);

    /** A fresh 5-minute download URL of one output file. */
    OutputDownloadUrl getOutputDownloadUrl(String extractionId, OutputFormat format);

    /**
     * Streams one output file into {@code target}, using a URL from the output endpoint and asking for a fresh
     * one when storage says it expired. Returns the number of bytes written.
     */
    long downloadOutput(String extractionId, OutputFormat format, OutputStream target);

    /** As {@link #downloadOutput(String, OutputFormat, OutputStream)}, into a file (replaced if present). */
    long downloadOutput(String extractionId, OutputFormat format, Path target);

    /** As above, trying the completed status's own URL first (saves a rate-limited output call). */
    long downloadOutput(ExtractionStatus.Completed completed, OutputFormat format, Path target);

    /**
     * GETs one output file from a signed URL already in hand (e.g. the completed status's, carried by an event)
     * into {@code target} (replaced if present), without asking the output endpoint for another: storage's refusal
     * (403 for an expired or rejected signature, or any other non-2xx after the client's retries) fails with
     * {@link SignedUrlException}, and the caller decides whether a fresh URL is worth a rate-limited output call.
     * Returns the number of bytes written.
     */
    long downloadOutputFrom(String signedUrl, Path target);

    /** One page of the caller's extractions, newest first. */
    ExtractionList listExtractions(ListExtractionsQuery query);

    /** Every extraction matching {@code query}, following cursors lazily. */
    Stream<ExtractionSummary> listAllExtractions(ListExtractionsQuery query);

    /** Asks a queued or processing extraction to stop; idempotent. */
    CancellationResult cancelExtraction(String extractionId);

    /** Permanently deletes an extraction and its files; {@code EXTRACTION_IN_PROGRESS} while processing. */
    void deleteExtraction(String extractionId);

    /** Answers open questions of an {@code input_required} extraction; returns the status after the answers. */
    ExtractionStatus answerQuestions(String extractionId, List<Answer> answers);

    /** The account's credits. */
    CreditsBalance getCreditsBalance();

    /** Releases the client's resources; the shared rate limiters stay for other clients of the key. */
    @Override
    void close();
}
