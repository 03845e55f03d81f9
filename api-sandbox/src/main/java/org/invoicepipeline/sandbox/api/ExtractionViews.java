package org.invoicepipeline.sandbox.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.invoicepipeline.sandbox.account.Account;
import org.invoicepipeline.sandbox.account.CreditsSnapshot;
import org.invoicepipeline.sandbox.engine.ExtractionOptions;
import org.invoicepipeline.sandbox.engine.ExtractionSnapshot;
import org.invoicepipeline.sandbox.engine.ExtractionStatus;
import org.invoicepipeline.sandbox.engine.Failure;
import org.invoicepipeline.sandbox.output.OutputFormat;
import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ReviewNeededItem;
import org.invoicepipeline.sandbox.http.Json;
import org.invoicepipeline.sandbox.time.SandboxClock;

/** Renders extraction snapshots in the contract's response shapes. */
public final class ExtractionViews {

    private static final int PREVIEW_FILE_NAMES = 5;

    private final OutputLinks outputLinks;
    private final SandboxClock clock;

    public ExtractionViews(OutputLinks outputLinks, SandboxClock clock) {
        this.outputLinks = outputLinks;
        this.clock = clock;
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The getExtraction payload, in the shape of its status. */
    public ObjectNode status(Account account, ExtractionSnapshot e) {
        ObjectNode view = Json.object();
        view.put("success", e.status() != ExtractionStatus.FAILED);
        view.put("status", e.status().wireValue());
        view.put("extraction_id", e.id().toString());
        switch (e.status()) {
            case PROCESSING -> view.put("progress", e.progress());
            case INPUT_REQUIRED -> {
                view.put("progress", e.progress());
                view.put("answer_by", time(e.answerBy()));
                view.set("questions", questions(e));
            }
            case COMPLETED -> {
                CreditsSnapshot credits = account.credits().snapshot();
                view.put("credits_deducted", e.creditsDeducted());
                view.put("credits_balance", credits.balance());
                view.put("credits_reserved", credits.reserved());
                completedRecord(view, e);
                ObjectNode output = view.putObject("output");
                boolean expired = e.outputExpired(clock.now());
                for (OutputFormat format : OutputFormat.values()) {
                    String key = format.wireValue() + "_url";
                    if (!expired && e.availableOutputs().contains(format)) {
                        output.put(key, outputLinks.url(account, e.id(), format));
                    } else {
                        output.putNull(key);
                    }
                }
            }
            case FAILED -> view.set("error", failure(e.failure(), true));
            case CANCELLED -> {
                CreditsSnapshot credits = account.credits().snapshot();
                view.put("credits_deducted", e.creditsDeducted());
                view.put("cancellation_reason", e.cancellationReason());
                view.put("credits_balance", credits.balance());
                view.put("credits_reserved", credits.reserved());
            }
        }
        return view;
    }

    /** The open questions, each marked {@code previous_answer_rejected} when its last answer was refused. */
    private static ArrayNode questions(ExtractionSnapshot e) {
        ArrayNode questions = (ArrayNode) Json.tree(e.openQuestions());
        for (int i = 0; i < questions.size(); i++) {
            if (e.rejectedQuestionIds().contains(e.openQuestions().get(i).questionId())) {
                ((ObjectNode) questions.get(i)).put("previous_answer_rejected", true);
            }
        }
        return questions;
    }

    private static void completedRecord(ObjectNode view, ExtractionSnapshot e) {
        ExtractionOutcome outcome = e.outcome();
        view.put("output_structure", outcome.outputStructure().wireValue());
        view.put("output_expires_at", time(e.outputExpiresAt()));
        view.set("pages", Json.tree(outcome.pages()));
        view.set("ai_uncertainty_notes", Json.tree(outcome.uncertaintyNotes()));
        view.set("review_needed", reviewNeeded(outcome.reviewNeeded().size(), outcome.reviewNeeded()));
    }

    static ObjectNode reviewNeeded(int count, List<ReviewNeededItem> items) {
        ObjectNode reviewNeeded = Json.object();
        reviewNeeded.put("count", count);
        reviewNeeded.set("items", Json.tree(items));
        return reviewNeeded;
    }

    private static ObjectNode failure(Failure failure, boolean withMessageAndDetails) {
        ObjectNode error = Json.object();
        error.put("code", failure.code().name());
        if (withMessageAndDetails) {
            error.put("message", failure.message());
        }
        error.put("retryable", failure.code().retryable());
        if (withMessageAndDetails) {
            error.set("details", Json.tree(failure.details()));
        }
        return error;
    }

    private static void common(ObjectNode view, ExtractionSnapshot e) {
        view.put("extraction_id", e.id().toString());
        view.put("submission_id", e.submission().submissionId());
        view.put("task_name", e.submission().taskName());
        view.put("status", e.status().wireValue());
        view.put("created_at", time(e.createdAt()));
        view.put("submission_method", "api");
        view.put("file_count", e.fileNames().size());
    }

    private static String outputStructure(ExtractionSnapshot e) {
        return e.outcome() != null ? e.outcome().outputStructure().wireValue() : e.submission().outputStructure();
    }

    /** A listExtractions item. */
    public ObjectNode listItem(ExtractionSnapshot e) {
        ObjectNode view = Json.object();
        common(view, e);
        view.set("file_names_preview", Json.tree(e.fileNames().subList(0, Math.min(PREVIEW_FILE_NAMES, e.fileNames().size()))));
        view.put("file_names_truncated", e.fileNames().size() > PREVIEW_FILE_NAMES);
        view.put("output_structure", outputStructure(e));
        switch (e.status()) {
            case COMPLETED -> {
                view.put("credits_deducted", e.creditsDeducted());
                view.set("available_outputs", availableOutputs(e));
                view.put("output_expires_at", time(e.outputExpiresAt()));
            }
            case PROCESSING -> view.put("progress", e.progress());
            case INPUT_REQUIRED -> {
                view.put("progress", e.progress());
                view.put("answer_by", time(e.answerBy()));
            }
            case CANCELLED -> {
                view.put("credits_deducted", e.creditsDeducted());
                view.put("cancellation_reason", e.cancellationReason());
            }
            case FAILED -> view.set("error", failure(e.failure(), false));
        }
        return view;
    }

    private static ArrayNode availableOutputs(ExtractionSnapshot e) {
        ArrayNode outputs = Json.array();
        for (OutputFormat format : OutputFormat.values()) {
            if (e.availableOutputs().contains(format)) {
                outputs.add(format.wireValue());
            }
        }
        return outputs;
    }

    /** The getExtractionDetails record. */
    public ObjectNode details(ExtractionSnapshot e) {
        ObjectNode record = Json.object();
        common(record, e);
        record.set("file_names", Json.tree(e.fileNames()));
        record.put("output_structure", outputStructure(e));
        record.set("prompt", e.submission().prompt());
        record.set("options", options(e.submission().options()));
        switch (e.status()) {
            case COMPLETED -> {
                record.put("credits_deducted", e.creditsDeducted());
                record.set("available_outputs", availableOutputs(e));
                completedRecord(record, e);
            }
            case PROCESSING -> record.put("progress", e.progress());
            case INPUT_REQUIRED -> {
                record.put("progress", e.progress());
                record.put("answer_by", time(e.answerBy()));
                record.set("questions", questions(e));
            }
            case CANCELLED -> {
                record.put("credits_deducted", e.creditsDeducted());
                record.put("cancellation_reason", e.cancellationReason());
            }
            case FAILED -> record.set("error", failure(e.failure(), true));
        }
        ObjectNode view = Json.object();
        view.put("success", true);
        view.set("extraction", record);
        return view;
    }

    private static ObjectNode options(ExtractionOptions options) {
        ObjectNode view = Json.object();
        view.set("exclude_columns", Json.tree(options.excludeColumns()));
        view.put("output_language", options.outputLanguage());
        view.put("review_needed_fill_color", options.reviewNeededFillColor());
        view.put("affected_field_fill_color", options.affectedFieldFillColor());
        view.put("send_completion_email", options.sendCompletionEmail());
        view.put("json_typed_values", options.jsonTypedValues());
        view.put("ask_questions", options.askQuestions());
        return view;
    }

    /** One page of getExtractionResults. */
    public ObjectNode results(ExtractionSnapshot e, int offset, int limit) {
        ExtractionOutcome outcome = e.outcome();
        List<Map<String, Object>> rows = outcome.rows();
        int from = Math.min(offset, rows.size());
        int to = (int) Math.min((long) from + limit, rows.size());
        ObjectNode view = Json.object();
        view.put("success", true);
        view.put("extraction_id", e.id().toString());
        view.put("status", "completed");
        view.put("output_structure", outcome.outputStructure().wireValue());
        view.put("output_expires_at", time(e.outputExpiresAt()));
        view.put("json_typed_values", outcome.jsonTypedValues());
        view.set("columns", Json.tree(outcome.columns()));
        view.set("rows", Json.tree(rows.subList(from, to)));
        view.put("offset", offset);
        view.put("limit", limit);
        view.put("row_count", to - from);
        view.put("total_rows", rows.size());
        boolean hasMore = to < rows.size();
        view.put("has_more", hasMore);
        if (hasMore) {
            view.put("next_offset", to);
        } else {
            view.putNull("next_offset");
        }
        List<ReviewNeededItem> onPage = outcome.reviewNeeded().stream()
                .filter(item -> item.outputRowNumbers().stream().anyMatch(n -> n > from && n <= to))
                .toList();
        view.set("review_needed", reviewNeeded(outcome.reviewNeeded().size(), onPage));
        view.set("pages", Json.tree(outcome.pages()));
        return view;
    }
}
