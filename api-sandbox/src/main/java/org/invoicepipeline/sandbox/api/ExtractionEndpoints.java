package org.invoicepipeline.sandbox.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.invoicepipeline.sandbox.account.Account;
import org.invoicepipeline.sandbox.account.CreditsSnapshot;
import org.invoicepipeline.sandbox.engine.Extraction;
import org.invoicepipeline.sandbox.engine.ExtractionEngine;
import org.invoicepipeline.sandbox.engine.ExtractionSnapshot;
import org.invoicepipeline.sandbox.engine.ExtractionStatus;
import org.invoicepipeline.sandbox.output.OutputFormat;
import org.invoicepipeline.sandbox.engine.Submission;
import org.invoicepipeline.sandbox.engine.SubmitOutcome;
import org.invoicepipeline.sandbox.extraction.Answer;
import org.invoicepipeline.sandbox.http.ApiException;
import org.invoicepipeline.sandbox.http.ApiRequest;
import org.invoicepipeline.sandbox.http.ApiResponse;
import org.invoicepipeline.sandbox.http.Details;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.sandbox.http.Json;
import org.invoicepipeline.sandbox.time.SandboxClock;
import org.invoicepipeline.sandbox.upload.FileState;
import org.invoicepipeline.sandbox.upload.SessionFile;
import org.invoicepipeline.sandbox.upload.UploadService;
import org.invoicepipeline.sandbox.upload.UploadSession;
import org.invoicepipeline.sandbox.validation.Issues;

/** The extraction endpoints and getCreditsBalance. */
public final class ExtractionEndpoints {

    private static final Set<String> STATUSES = Set.of("processing", "input_required", "completed", "failed", "cancelled");
    private static final Set<String> FORMATS = Set.of("xlsx", "csv", "json");

    private final ExtractionEngine engine;
    private final UploadService uploads;
    private final ExtractionViews views;
    private final OutputLinks outputLinks;
    private final SandboxClock clock;
    private final ScheduledExecutorService scheduler;

    public ExtractionEndpoints(ExtractionEngine engine, UploadService uploads, ExtractionViews views,
                               OutputLinks outputLinks, SandboxClock clock, ScheduledExecutorService scheduler) {
        this.engine = engine;
        this.uploads = uploads;
        this.views = views;
        this.outputLinks = outputLinks;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    // --- submitExtraction --------------------------------------------------------------------------

    public ApiResponse submitExtraction(ApiRequest request) {
        Submission submission = SubmissionParser.parse(request.jsonObjectBody());
        Account account = request.account();
        SubmitOutcome outcome;
        try {
            outcome = engine.submit(account, submission, () -> completedFiles(account, submission),
                    () -> uploads.session(account, submission.uploadSessionId()).map(UploadSession::createdAt)
                            .orElseGet(clock::now));
        } catch (ExtractionEngine.SubmissionsPausedException paused) {
            throw new ApiException(ErrorCode.SUBMISSIONS_PAUSED,
                    Details.of("resumes_at", ExtractionViews.time(paused.resumesAt())));
        }
        if (outcome.conflict()) {
            throw new ApiException(ErrorCode.SUBMISSION_ID_ALREADY_USED, Details.of(
                    "extraction_id", outcome.extraction().id().toString(),
                    "differing_fields", outcome.differingFields()));
        }
        ObjectNode response = Json.object();
        response.put("success", true);
        response.put("extraction_id", outcome.extraction().id().toString());
        response.put("submission_state", "received");
        return ApiResponse.json(202, response);
    }

    private List<SessionFile> completedFiles(Account account, Submission submission) {
        Optional<UploadSession> session = uploads.session(account, submission.uploadSessionId());
        if (session.isEmpty()) {
            throw Issues.single(
                    "No upload session with this upload_session_id.", "upload_session_id");
        }
        Issues issues = new Issues();
        List<SessionFile> files = new ArrayList<>();
        for (int i = 0; i < submission.fileIds().size(); i++) {
            String fileId = submission.fileIds().get(i);
            Optional<SessionFile> file = session.get().file(fileId);
            if (file.isEmpty() || file.get().state() != FileState.COMPLETED) {
                issues.add("file_id " + fileId + " is not a completed file of upload session "
                        + submission.uploadSessionId() + ".", "file_ids", i);
            } else {
                files.add(file.get());
            }
        }
        issues.throwIfAny();
        return files;
    }

    // --- listExtractions ---------------------------------------------------------------------------

    public ApiResponse listExtractions(ApiRequest request) {
        Issues issues = new Issues();
        Optional<String> status = QueryParams.oneOf(request, "status", STATUSES, issues);
        Optional<String> method = QueryParams.oneOf(request, "submission_method", Set.of("api", "web_app"), issues);
        Optional<Instant> after = QueryParams.dateTime(request, "created_after", issues);
        Optional<Instant> before = QueryParams.dateTime(request, "created_before", issues);
        int limit = QueryParams.integer(request, "limit", 1, 100, issues).orElse(25L).intValue();
        OptionalLong cursor = OptionalLong.empty();
        if (request.query("cursor").isPresent()) {
            cursor = ExtractionCursor.decode(request.query("cursor").get());
            if (cursor.isEmpty()) {
                issues.add("cursor is not a next_cursor this API returned.", "cursor");
            }
        }
        QueryParams.scope(request, issues);
        issues.throwIfAny();

        List<ObjectNode> items = new ArrayList<>();
        boolean hasMore = false;
        long lastSequence = 0;
        for (Extraction extraction : engine.list(request.account())) {
            if (cursor.isPresent() && extraction.sequence() >= cursor.getAsLong()) {
                continue;
            }
            ExtractionSnapshot snapshot = extraction.snapshot();
            if (status.isPresent() && !snapshot.status().wireValue().equals(status.get())
                    || method.isPresent() && !method.get().equals("api")
                    || after.isPresent() && snapshot.createdAt().isBefore(after.get())
                    || before.isPresent() && snapshot.createdAt().isAfter(before.get())) {
                continue;
            }
            if (items.size() == limit) {
                hasMore = true;
                break;
            }
            items.add(views.listItem(snapshot));
            lastSequence = extraction.sequence();
        }
        ObjectNode response = Json.object();
        response.put("success", true);
        response.set("extractions", Json.tree(items));
        response.put("has_more", hasMore);
        if (hasMore) {
            response.put("next_cursor", ExtractionCursor.encode(lastSequence));
        } else {
            response.putNull("next_cursor");
        }
        return ApiResponse.ok(response);
    }

    // --- getExtraction (with the wait long-poll) ---------------------------------------------------

    public ApiResponse getExtraction(ApiRequest request) {
        Issues issues = new Issues();
        UUID id = QueryParams.extractionId(request, issues);
        Optional<Long> wait = QueryParams.integer(request, "wait", 1, 45, issues);
        QueryParams.scope(request, issues);
        issues.throwIfAny();
        Account account = request.account();
        Extraction extraction = find(account, id);
        if (wait.isEmpty() || extraction.status() != ExtractionStatus.PROCESSING) {
            return ApiResponse.ok(views.status(account, extraction.snapshot()));
        }
        CompletableFuture<ApiResponse> answer = new CompletableFuture<>();
        Runnable onChange = () -> answer.complete(ApiResponse.ok(views.status(account, extraction.snapshot())));
        if (!extraction.onLeaveProcessing(onChange)) {
            return ApiResponse.ok(views.status(account, extraction.snapshot()));
        }
        ScheduledFuture<?> timeout = scheduler.schedule(() -> {
            extraction.removeListener(onChange);
            answer.complete(ApiResponse.ok(views.status(account, extraction.snapshot())));
        }, wait.get(), TimeUnit.SECONDS);
        answer.whenComplete((response, error) -> timeout.cancel(false));
        return ApiResponse.deferred(answer);
    }

    private Extraction find(Account account, UUID id) {
        return engine.find(account, id).orElseThrow(() -> new ApiException(ErrorCode.EXTRACTION_NOT_FOUND,
                Details.of("extraction_id", id.toString())));
    }

    private Extraction findChecked(ApiRequest request) {
        Issues issues = new Issues();
        UUID id = QueryParams.extractionId(request, issues);
        QueryParams.scope(request, issues);
        issues.throwIfAny();
        return find(request.account(), id);
    }

    // --- deleteExtraction --------------------------------------------------------------------------

    public ApiResponse deleteExtraction(ApiRequest request) {
        Extraction extraction = findChecked(request);
        if (!engine.delete(request.account(), extraction)) {
            throw new ApiException(ErrorCode.EXTRACTION_IN_PROGRESS,
                    Details.of("extraction_id", extraction.id().toString(), "status", extraction.status().wireValue()));
        }
        return ApiResponse.ok(Map.of("success", true));
    }

    // --- getExtractionResults / getExtractionDetails -----------------------------------------------

    public ApiResponse getExtractionResults(ApiRequest request) {
        Issues issues = new Issues();
        UUID id = QueryParams.extractionId(request, issues);
        long offset = QueryParams.integer(request, "offset", 0, Integer.MAX_VALUE, issues).orElse(0L);
        long limit = QueryParams.integer(request, "limit", 1, 1000, issues).orElse(100L);
        QueryParams.scope(request, issues);
        issues.throwIfAny();
        ExtractionSnapshot snapshot = completedOutput(find(request.account(), id).snapshot());
        return ApiResponse.ok(views.results(snapshot, (int) offset, (int) limit));
    }

    private ExtractionSnapshot completedOutput(ExtractionSnapshot snapshot) {
        if (snapshot.status() != ExtractionStatus.COMPLETED) {
            throw new ApiException(ErrorCode.OUTPUT_NOT_AVAILABLE, "The extraction has not completed: its status is "
                    + snapshot.status().wireValue() + ".", Details.of("status", snapshot.status().wireValue()));
        }
        if (snapshot.outputExpired(clock.now())) {
            throw new ApiException(ErrorCode.OUTPUT_EXPIRED,
                    Details.of("output_expires_at", ExtractionViews.time(snapshot.outputExpiresAt())));
        }
        return snapshot;
    }

    public ApiResponse getExtractionDetails(ApiRequest request) {
        return ApiResponse.ok(views.details(findChecked(request).snapshot()));
    }

    // --- getOutputDownloadUrl ----------------------------------------------------------------------

    public ApiResponse getOutputDownloadUrl(ApiRequest request) {
        Issues issues = new Issues();
        UUID id = QueryParams.extractionId(request, issues);
        Optional<String> format = QueryParams.oneOf(request, "format", FORMATS, issues);
        if (request.query("format").isEmpty()) {
            issues.add("format is required.", "format");
        }
        QueryParams.scope(request, issues);
        issues.throwIfAny();
        ExtractionSnapshot snapshot = completedOutput(find(request.account(), id).snapshot());
        OutputFormat outputFormat = OutputFormat.fromWire(format.orElseThrow());
        if (!snapshot.availableOutputs().contains(outputFormat)) {
            throw new ApiException(ErrorCode.OUTPUT_NOT_AVAILABLE, "This format was not generated for the extraction.",
                    Details.of("format", outputFormat.wireValue()));
        }
        ObjectNode response = Json.object();
        response.put("download_url", outputLinks.url(request.account(), snapshot.id(), outputFormat));
        response.put("format", outputFormat.wireValue());
        response.put("expires_in_seconds", outputLinks.ttl().toSeconds());
        return ApiResponse.ok(response);
    }

    // --- cancelExtraction --------------------------------------------------------------------------

    public ApiResponse cancelExtraction(ApiRequest request) {
        Extraction extraction = findChecked(request);
        Account account = request.account();
        ExtractionStatus status = extraction.status();
        if (status == ExtractionStatus.COMPLETED || status == ExtractionStatus.FAILED) {
            throw new ApiException(ErrorCode.EXTRACTION_NOT_CANCELLABLE, "The extraction has already "
                    + status.wireValue() + " and cannot be cancelled.", Details.of("status", status.wireValue()));
        }
        if (status == ExtractionStatus.CANCELLED) {
            return ApiResponse.ok(views.status(account, extraction.snapshot()));
        }
        Instant requestedAt = engine.cancel(account, extraction);
        ExtractionSnapshot snapshot = extraction.snapshot();
        if (snapshot.status() != ExtractionStatus.PROCESSING) {
            return ApiResponse.ok(views.status(account, snapshot));
        }
        ObjectNode response = Json.object();
        response.put("success", true);
        response.put("extraction_id", snapshot.id().toString());
        response.put("status", "processing");
        response.put("cancellation_requested", true);
        response.put("cancel_requested_at", ExtractionViews.time(requestedAt));
        return ApiResponse.ok(response);
    }

    // --- answerExtractionQuestions -----------------------------------------------------------------

    public ApiResponse answerExtractionQuestions(ApiRequest request) {
        Extraction extraction = findChecked(request);
        List<Answer> answers = AnswerParser.parse(request.jsonObjectBody(), extraction.askedQuestions());
        engine.answer(request.account(), extraction, answers);
        return ApiResponse.ok(views.status(request.account(), extraction.snapshot()));
    }

    // --- getCreditsBalance -------------------------------------------------------------------------

    public ApiResponse getCreditsBalance(ApiRequest request) {
        CreditsSnapshot credits = request.account().credits().snapshot();
        ObjectNode response = Json.object();
        response.put("success", true);
        response.put("credits_balance", credits.balance());
        response.put("credits_reserved", credits.reserved());
        return ApiResponse.ok(response);
    }
}
