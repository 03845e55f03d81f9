package org.invoicepipeline.client.http;

import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.SignedUrlException;
import com.fasterxml.jackson.databind.JsonNode;
import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.AnswerQuestionsRequest;
import org.invoicepipeline.client.model.CancellationResult;
import org.invoicepipeline.client.model.CompleteFileUploadRequest;
import org.invoicepipeline.client.model.CompletedFile;
import org.invoicepipeline.client.model.CreateUploadSessionRequest;
import org.invoicepipeline.client.model.CreditsBalance;
import org.invoicepipeline.client.model.ExtractionDetails;
import org.invoicepipeline.client.model.ExtractionList;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.ExtractionSummary;
import org.invoicepipeline.client.model.ImportFile;
import org.invoicepipeline.client.model.ImportFilesRequest;
import org.invoicepipeline.client.model.ImportResult;
import org.invoicepipeline.client.model.ListExtractionsQuery;
import org.invoicepipeline.client.model.OutputDownloadUrl;
import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.client.model.PartUrls;
import org.invoicepipeline.client.model.PartUrlsRequest;
import org.invoicepipeline.client.model.ResultsPage;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.client.model.Submission;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.model.UploadedPart;
import org.invoicepipeline.client.ratelimit.RateLimiterRegistry;
import org.invoicepipeline.client.upload.FileUploader;
import org.invoicepipeline.client.upload.UploadSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link InvoiceExtractionClient} over {@link HttpClient} (HTTP/1.1, keep-alive): one method per operation.
 * Longer than 250 lines on purpose: each method is the few lines that map one API operation onto {@link ApiCalls},
 * and the interface it implements has that many operations; splitting it would only scatter the mapping.
 */
final class HttpInvoiceExtractionClient implements InvoiceExtractionClient {

    private static final Logger log = LoggerFactory.getLogger(HttpInvoiceExtractionClient.class);
    private static final Pattern PATH_SAFE_ID = Pattern.compile("[A-Za-z0-9._:~-]+");

    private final ClientOptions options;
    private final ApiCalls api;
    private final SignedUrlTransfers storage;
    private final SignedUrlRetry refusals;

    HttpInvoiceExtractionClient(ClientOptions options) {
        this.options = options;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        RequestExecutor.Sleeper sleeper = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        RequestExecutor executor = new RequestExecutor(options.retryPolicy(),
                RateLimiterRegistry.forKey(options.baseUrl().toString(), options.apiKey(), options.rateLimits()),
                new ClientMetrics(options.meterRegistry()), sleeper);
        this.api = new ApiCalls(options, http, executor, ApiJson.newMapper());
        this.storage = new SignedUrlTransfers(http, executor, options.readTimeout());
        this.refusals = new SignedUrlRetry(options.signedUrlRetryWindow(), options.retryPolicy(), sleeper,
                System::nanoTime);
    }

    @Override
    public ClientOptions options() {
        return options;
    }

    // ---- uploads ------------------------------------------------------------------------------------------

    @Override
    public UploadSession createUploadSession(String uploadSessionId, List<UploadFileSpec> files) {
        return api.call(Operation.CREATE_UPLOAD_SESSION, "POST", "/uploads/sessions", null,
                new CreateUploadSessionRequest(uploadSessionId, files), UploadSession.class, Duration.ZERO);
    }

    @Override
    public PartUrls getUploadPartUrls(String uploadSessionId, String fileId, List<Integer> partNumbers) {
        if (partNumbers.isEmpty() || partNumbers.size() > ClientOptions.MAX_PART_URLS_PER_REQUEST) {
            throw new IllegalArgumentException("1 to 1000 part numbers per request, got " + partNumbers.size());
        }
        return api.call(Operation.GET_UPLOAD_PART_URLS, "POST", "/uploads/sessions/" + segment(uploadSessionId)
                + "/parts", null, new PartUrlsRequest(fileId, partNumbers), PartUrls.class, Duration.ZERO);
    }

    @Override
    public String uploadPart(String signedUrl, UploadSource source, long offset, long length) {
        return storage.uploadPart(signedUrl, source, offset, length);
    }

    @Override
    public CompletedFile completeFileUpload(String uploadSessionId, String fileId, List<UploadedPart> parts) {
        return api.call(Operation.COMPLETE_FILE_UPLOAD, "POST", "/uploads/sessions/" + segment(uploadSessionId)
                + "/complete", null, new CompleteFileUploadRequest(fileId, parts), CompletedFile.class, Duration.ZERO);
    }

    @Override
    public CompletedFile uploadFile(String uploadSessionId, String fileId, long partSize, UploadSource source) {
        return new FileUploader(this, options.partUrlBatchSize(), Clock.systemUTC(), refusals)
                .upload(uploadSessionId, fileId, partSize, source);
    }

    @Override
    public ImportResult importAttachedFiles(String uploadSessionId, List<ImportFile> files) {
        return api.call(Operation.IMPORT_ATTACHED_FILES, "POST", "/uploads/import", null,
                new ImportFilesRequest(uploadSessionId, files), ImportResult.class, Duration.ZERO);
    }

    // ---- extractions --------------------------------------------------------------------------------------

    @Override
    public Submission submitExtraction(SubmitExtractionRequest request) {
        return api.call(Operation.SUBMIT_EXTRACTION, "POST", "/extractions", null, request, Submission.class,
                Duration.ZERO);
    }

    @Override
    public ExtractionStatus getExtraction(String extractionId) {
        return api.call(Operation.GET_EXTRACTION, "GET", extractionPath(extractionId, ""), scoped(new QueryString()),
                null, ExtractionStatus.class, Duration.ZERO);
    }

    @Override
    public ExtractionStatus getExtraction(String extractionId, Duration wait) {
        long seconds = wait.toSeconds();
        if (seconds < 1 || seconds > 45) {
            throw new IllegalArgumentException("wait must be 1 to 45 seconds, was " + wait);
        }
        return api.call(Operation.GET_EXTRACTION, "GET", extractionPath(extractionId, ""),
                scoped(new QueryString().add("wait", Long.toString(seconds))), null, ExtractionStatus.class,
                Duration.ofSeconds(seconds));
    }

    @Override
    public ResultsPage getExtractionResults(String extractionId, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1 to 1000");
        }
        return api.call(Operation.GET_EXTRACTION_RESULTS, "GET", extractionPath(extractionId, "/results"),
                scoped(new QueryString().add("offset", Integer.toString(offset)).add("limit", Integer.toString(limit))),
                null, ResultsPage.class, Duration.ZERO);
    }

    @Override
    public Stream<ResultsPage> resultPages(String extractionId, int pageSize) {
        return lazily(new Iterator<>() {
            private Integer nextOffset = 0;

            @Override
            public boolean hasNext() {
                return nextOffset != null;
            }

            @Override
            public ResultsPage next() {
                if (nextOffset == null) {
                    throw new NoSuchElementException();
                }
                ResultsPage page = getExtractionResults(extractionId, nextOffset, pageSize);
                Integer following = page.nextOffset() != null ? page.nextOffset() : page.offset() + page.rowCount();
                nextOffset = page.hasMore() && page.rowCount() > 0 ? following : null;
                return page;
            }
        });
    }

    @Override
    public ExtractionDetails getExtractionDetails(String extractionId) {
        JsonNode answer = api.call(Operation.GET_EXTRACTION_DETAILS, "GET", extractionPath(extractionId, "/details"),
                scoped(new QueryString()), null, JsonNode.class, Duration.ZERO);
        return api.convert(Operation.GET_EXTRACTION_DETAILS, answer.path("extraction"), ExtractionDetails.class);
    }

    @Override
    public OutputDownloadUrl getOutputDownloadUrl(String extractionId, OutputFormat format) {
        if (format == OutputFormat.UNRECOGNISED) {
            throw new IllegalArgumentException("format must be xlsx, csv or json");
        }
        return api.call(Operation.GET_OUTPUT_DOWNLOAD_URL, "GET", extractionPath(extractionId, "/output"),
                scoped(new QueryString().add("format", format.apiValue())), null, OutputDownloadUrl.class,
                Duration.ZERO);
    }

    @Override
    public long downloadOutput(String extractionId, OutputFormat format, OutputStream target) {
        return download(extractionId, format, null, DownloadSink.toStream(target));
    }

    @Override
    public long downloadOutput(String extractionId, OutputFormat format, Path target) {
        return download(extractionId, format, null, DownloadSink.toFile(target));
    }

    @Override
    public long downloadOutput(ExtractionStatus.Completed completed, OutputFormat format, Path target) {
        String url = completed.output() == null ? null : completed.output().urlFor(format).orElse(null);
        return download(completed.extractionId(), format, url, DownloadSink.toFile(target));
    }

    @Override
    public long downloadOutputFrom(String signedUrl, Path target) {
        return storage.download(signedUrl, DownloadSink.toFile(target));
    }

    /**
     * Downloads from {@code knownUrl} if given, asking the output endpoint for a fresh URL, with back-off, while
     * storage refuses them (outputs stay downloadable for 90 days: a refusal is storage's state, not the output's).
     */
    private long download(String extractionId, OutputFormat format, String knownUrl, DownloadSink sink) {
        String url = knownUrl;
        SignedUrlRetry.Refusals refused = refusals.start();
        while (true) {
            if (url == null) {
                url = getOutputDownloadUrl(extractionId, format).downloadUrl();
            }
            try {
                return storage.download(url, sink);
            } catch (SignedUrlException e) {
                refused.awaitFreshUrl(e);
                log.debug("Output URL of {} refused (HTTP {}); requesting a fresh one", extractionId, e.httpStatus());
                url = null;
            }
        }
    }

    @Override
    public ExtractionList listExtractions(ListExtractionsQuery query) {
        QueryString params = new QueryString()
                .add("status", query.status() == null ? null : query.status().apiValue())
                .add("submission_method", query.submissionMethod())
                .add("created_after", query.createdAfter() == null ? null : query.createdAfter().toString())
                .add("created_before", query.createdBefore() == null ? null : query.createdBefore().toString())
                .add("limit", query.limit() == null ? null : query.limit().toString())
                .add("cursor", query.cursor());
        return api.call(Operation.LIST_EXTRACTIONS, "GET", "/extractions", scoped(params), null,
                ExtractionList.class, Duration.ZERO);
    }

    @Override
    public Stream<ExtractionSummary> listAllExtractions(ListExtractionsQuery query) {
        return lazily(new Iterator<ExtractionList>() {
            private ListExtractionsQuery next = query;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ExtractionList next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                ExtractionList page = listExtractions(next);
                next = page.hasMore() && page.nextCursor() != null ? next.withCursor(page.nextCursor()) : null;
                return page;
            }
        }).flatMap(page -> page.extractions().stream());
    }

    @Override
    public CancellationResult cancelExtraction(String extractionId) {
        JsonNode answer = api.call(Operation.CANCEL_EXTRACTION, "POST", extractionPath(extractionId, "/cancel"),
                scoped(new QueryString()), null, JsonNode.class, Duration.ZERO);
        ExtractionStatus status = api.convert(Operation.CANCEL_EXTRACTION, answer, ExtractionStatus.class);
        if (answer.path("cancellation_requested").asBoolean(false)) {
            Instant requestedAt = answer.hasNonNull("cancel_requested_at")
                    ? api.convert(Operation.CANCEL_EXTRACTION, answer.get("cancel_requested_at"), Instant.class)
                    : null;
            return new CancellationResult(answer.path("extraction_id").asText(extractionId), true, requestedAt,
                    status);
        }
        return new CancellationResult(status.extractionId(), false, null, status);
    }

    @Override
    public void deleteExtraction(String extractionId) {
        AtomicBoolean ambiguous = new AtomicBoolean();
        try {
            api.call(Operation.DELETE_EXTRACTION, "DELETE", extractionPath(extractionId, ""),
                    scoped(new QueryString()), null, JsonNode.class, Duration.ZERO, ambiguous);
        } catch (ApiErrorException e) {
            // A retry after a lost answer finds the extraction already gone: the deletion we asked for happened.
            if (!(ambiguous.get() && e.errorCode() == ApiErrorCode.EXTRACTION_NOT_FOUND)) {
                throw e;
            }
            log.debug("Extraction {} was deleted by an attempt whose answer was lost", extractionId);
        }
    }

    @Override
    public ExtractionStatus answerQuestions(String extractionId, List<Answer> answers) {
        return api.call(Operation.ANSWER_EXTRACTION_QUESTIONS, "POST", extractionPath(extractionId, "/answers"),
                scoped(new QueryString()), new AnswerQuestionsRequest(answers), ExtractionStatus.class, Duration.ZERO);
    }

    @Override
    public CreditsBalance getCreditsBalance() {
        return api.call(Operation.GET_CREDITS_BALANCE, "GET", "/credits/balance", null, null, CreditsBalance.class,
                Duration.ZERO);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient of JDK 17 has no close(); its threads end once it is unreachable.
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    private QueryString scoped(QueryString query) {
        return options.scope() == null ? query : query.add("scope", options.scope().apiValue());
    }

    private static String extractionPath(String extractionId, String suffix) {
        return "/extractions/" + segment(extractionId) + suffix;
    }

    /** A path segment; ids are restricted by the API to path-safe characters, anything else is encoded. */
    private static String segment(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an id is required");
        }
        return PATH_SAFE_ID.matcher(id).matches() ? id : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <P> Stream<P> lazily(Iterator<P> pages) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false);
    }
}
