package org.invoicepipeline.download.mapping;

import org.invoicepipeline.client.model.AffectedPages;
import org.invoicepipeline.client.model.PageFailureReason;
import org.invoicepipeline.client.model.PageReference;
import org.invoicepipeline.client.model.ReviewNeededItem;
import org.invoicepipeline.common.events.ResultIds;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.PageFailure;
import org.invoicepipeline.events.ResultRow;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.events.StoredOutput;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the one {@link ExtractionResult} per source file of an ended extraction: the file's rows, the
 * review-needed items and failed pages that concern it, and the stored output files; or, for a failed or
 * cancelled extraction, a result carrying why.
 */
public final class FileResultAssembler {

    /** Code of a failed page when the API gave no reason for it. */
    static final String UNKNOWN_PAGE_FAILURE = "PAGE_FAILED";

    private final RowCells cellValues;
    private final Clock clock;

    public FileResultAssembler(RowCells cellValues, Clock clock) {
        this.cellValues = cellValues;
        this.clock = clock;
    }

    /** The result id consumers de-duplicate on: stable across replays of the same extraction. */
    public static String resultId(FileRef file, ExtractionCompleted completed) {
        return ResultIds.forSubmission(file.getFileId(), completed.getSubmissionId(), file.getRetryGeneration());
    }

    /** One EXTRACTED result per file of a completed extraction. */
    public List<ExtractionResult> extracted(ExtractionCompleted completed, ExtractionRows extraction,
                                            List<StoredOutput> outputs) {
        List<String> sessionNames = completed.getFiles().stream().map(FileRef::getFileName).toList();
        RowsByFile rowsByFile = RowsByFile.assign(sessionNames, extraction.rows());
        List<ExtractionResult> results = new ArrayList<>();
        for (FileRef file : completed.getFiles()) {
            List<RowsByFile.NumberedRow> rows = rowsByFile.rowsOf(file.getFileName());
            results.add(base(file, completed, ResultStatus.EXTRACTED)
                    .setOutputStructure(extraction.outputStructure())
                    .setColumns(extraction.columns())
                    .setRows(rows.stream().map(this::toEvent).toList())
                    .setReviewNeeded(reviewNeededOf(file.getFileName(), rows, extraction.reviewNeeded()))
                    .setFailedPages(failedPagesOf(file.getFileName(), extraction))
                    .setOutputs(outputs)
                    .build());
        }
        return results;
    }

    /** One FAILED or CANCELLED result per file of an extraction that ended without output. */
    public List<ExtractionResult> notExtracted(ExtractionCompleted completed) {
        ResultStatus status = completed.getStatus() == ExtractionOutcome.CANCELLED
                ? ResultStatus.CANCELLED : ResultStatus.FAILED;
        ErrorInfo error = errorOf(completed);
        return completed.getFiles().stream()
                .map(file -> base(file, completed, status).setError(error).build())
                .toList();
    }

    private static ErrorInfo errorOf(ExtractionCompleted completed) {
        if (completed.getStatus() == ExtractionOutcome.CANCELLED) {
            String reason = Objects.requireNonNullElse(completed.getCancellationReason(), "unknown");
            return ErrorInfo.newBuilder()
                    .setCode("CANCELLED_" + reason.toUpperCase(Locale.ROOT))
                    .setMessage("The extraction was cancelled (" + reason + ")")
                    .setRetryable(false)
                    .build();
        }
        if (completed.getError() != null) {
            return completed.getError();
        }
        return ErrorInfo.newBuilder()
                .setCode("EXTRACTION_" + completed.getStatus().name())
                .setMessage("The extraction ended with status " + completed.getStatus())
                .setRetryable(false)
                .build();
    }

    private ExtractionResult.Builder base(FileRef file, ExtractionCompleted completed, ResultStatus status) {
        return ExtractionResult.newBuilder()
                .setResultId(resultId(file, completed))
                .setStatus(status)
                .setFileId(file.getFileId())
                .setFileName(file.getOriginalFileName())
                .setSourceUri(file.getSourceUri())
                .setProfile(completed.getProfile())
                .setBatchKey(completed.getBatchKey())
                .setAttributes(new LinkedHashMap<>(file.getAttributes()))
                .setRegisteredAt(file.getRegisteredAt())
                .setUploadSessionId(completed.getUploadSessionId())
                .setSubmissionId(completed.getSubmissionId())
                .setExtractionId(completed.getExtractionId())
                .setOutputStructure(completed.getOutputStructure())
                .setProducedAt(clock.instant())
                .setRetryGeneration(file.getRetryGeneration());
    }

    private ResultRow toEvent(RowsByFile.NumberedRow row) {
        return ResultRow.newBuilder()
                .setRowNumber(row.rowNumber())
                .setSourceReference(row.sourceReference().orElse(null))
                .setValues(cellValues.toEventValues(row.values()))
                .build();
    }

    private static List<org.invoicepipeline.events.ReviewNeededItem> reviewNeededOf(
            String sessionName, List<RowsByFile.NumberedRow> rows, List<ReviewNeededItem> items) {
        Set<Integer> rowNumbers = new HashSet<>();
        rows.forEach(row -> rowNumbers.add(row.rowNumber()));
        List<org.invoicepipeline.events.ReviewNeededItem> mine = new ArrayList<>();
        for (ReviewNeededItem item : items) {
            List<Integer> itemRows = Objects.requireNonNullElse(item.outputRowNumbers(), List.of());
            List<String> references = Objects.requireNonNullElse(item.sourceReferences(), List.of());
            boolean concernsRows = itemRows.stream().anyMatch(rowNumbers::contains);
            boolean namesFile = references.stream()
                    .map(SourceReference::parse)
                    .flatMap(Optional::stream)
                    .anyMatch(ref -> ref.fileName().equals(sessionName));
            if (concernsRows || namesFile) {
                mine.add(org.invoicepipeline.events.ReviewNeededItem.newBuilder()
                        .setMessage(Objects.requireNonNullElse(item.message(), ""))
                        .setAffectedFields(Objects.requireNonNullElse(item.affectedFields(), List.of()))
                        .setOutputRowNumbers(itemRows)
                        .setSourceReferences(references)
                        .build());
            }
        }
        return mine;
    }

    private static List<PageFailure> failedPagesOf(String sessionName, ExtractionRows extraction) {
        if (extraction.pages() == null || extraction.pages().failed() == null) {
            return List.of();
        }
        Map<Integer, PageFailure> byPage = new LinkedHashMap<>();
        for (PageReference page : extraction.pages().failed()) {
            if (sessionName.equals(page.fileName())) {
                byPage.put(page.page(), reasonFor(sessionName, page.page(), extraction.pages().failureReasons()));
            }
        }
        return List.copyOf(byPage.values());
    }

    private static PageFailure reasonFor(String sessionName, int page, List<PageFailureReason> reasons) {
        for (PageFailureReason reason : Objects.requireNonNullElse(reasons, List.<PageFailureReason>of())) {
            for (AffectedPages affected : Objects.requireNonNullElse(reason.affectedPages(), List.<AffectedPages>of())) {
                if (sessionName.equals(affected.fileName()) && affected.pages() != null && affected.pages().contains(page)) {
                    return new PageFailure(page, reason.code(), Objects.requireNonNullElse(reason.message(), ""));
                }
            }
        }
        return new PageFailure(page, UNKNOWN_PAGE_FAILURE, "The page failed; the API named no reason");
    }
}
