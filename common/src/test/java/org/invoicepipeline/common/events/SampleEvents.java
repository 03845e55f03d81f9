package org.invoicepipeline.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.invoicepipeline.events.AnswerChoice;
import org.invoicepipeline.events.AnswerScope;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileFailure;
import org.invoicepipeline.events.FilePages;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.OpenQuestion;
import org.invoicepipeline.events.PageFailure;
import org.invoicepipeline.events.PageFailureReason;
import org.invoicepipeline.events.PageRef;
import org.invoicepipeline.events.Pages;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.events.PromptSuggestion;
import org.invoicepipeline.events.QuestionType;
import org.invoicepipeline.events.ResultRow;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.events.ReviewNeededItem;
import org.invoicepipeline.events.StoredOutput;
import org.invoicepipeline.events.UncertaintyNote;

/**
 * Fully populated example events, one per type, for tests of any module (shipped in the common test-jar).
 */
public final class SampleEvents {

    public static final Instant REGISTERED_AT = Instant.parse("2026-07-01T09:30:00.123Z");

    private SampleEvents() {
    }

    public static FileRegistered fileRegistered() {
        return FileRegistered.newBuilder()
                .setFileId("erp-42:inv-2026-0001")
                .setSourceUri("file:///var/invoices/inbox/inv-2026-0001.pdf")
                .setFileName("inv-2026-0001.pdf")
                .setSizeBytes(48_213L)
                .setContentType("application/pdf")
                .setBatchKey("supplier-acme-2026-07")
                .setProfile("per-invoice-default")
                .setRegisteredAt(REGISTERED_AT)
                .setAttributes(Map.of("tenant", "acme", "erp.document-id", "DOC-77"))
                .build();
    }

    public static FileRef fileRef() {
        return FileRef.newBuilder()
                .setFileId("erp-42:inv-2026-0001")
                .setApiFileId("f_0001")
                .setFileName("inv-2026-0001.pdf")
                .setOriginalFileName("inv-2026-0001.pdf")
                .setSourceUri("file:///var/invoices/inbox/inv-2026-0001.pdf")
                .setSizeBytes(48_213L)
                .setContentType("application/pdf")
                .setRegisteredAt(REGISTERED_AT)
                .setAttributes(Map.of("tenant", "acme"))
                .build();
    }

    public static ErrorInfo error(String code, boolean retryable) {
        return ErrorInfo.newBuilder()
                .setCode(code)
                .setMessage(code + " happened")
                .setRetryable(retryable)
                .setDetailsJson("{\"file_names\":[\"broken.pdf\"]}")
                .build();
    }

    public static PartsUploaded partsUploaded() {
        FileFailure failure = FileFailure.newBuilder()
                .setFileId("erp-42:broken")
                .setFileName("broken.pdf")
                .setSourceUri("file:///var/invoices/inbox/broken.pdf")
                .setSizeBytes(null)
                .setRegisteredAt(REGISTERED_AT)
                .setAttributes(Map.of())
                .setError(error("FILE_TOO_LARGE", false))
                .build();
        return PartsUploaded.newBuilder()
                .setUploadSessionId("sess-supplier-acme-2026-07")
                .setProfile("per-invoice-default")
                .setBatchKey("supplier-acme-2026-07")
                .setFiles(List.of(fileRef()))
                .setFailedFiles(List.of(failure))
                .setUploadedAt(REGISTERED_AT.plusSeconds(5))
                .build();
    }

    public static ExtractionSubmitted extractionSubmitted() {
        return ExtractionSubmitted.newBuilder()
                .setSubmissionId("sub-sess-supplier-acme-2026-07-1")
                .setExtractionId("a1b2c3d4-e5f6-7890-abcd-ef1234567890")
                .setUploadSessionId("sess-supplier-acme-2026-07")
                .setProfile("per-invoice-default")
                .setBatchKey("supplier-acme-2026-07")
                .setFiles(List.of(fileRef()))
                .setAttempt(1)
                .setSubmittedAt(REGISTERED_AT.plusSeconds(6))
                .build();
    }

    /** The API's two kinds of question: a single choice with a recommended choice, and free text. */
    public static ExtractionQuestionsAsked extractionQuestionsAsked() {
        AnswerScope everyDocument = new AnswerScope("extraction",
                "Every document in this extraction, not only the example.");
        OpenQuestion supplier = OpenQuestion.newBuilder()
                .setQuestionId("q_1")
                .setType(QuestionType.SINGLE_CHOICE)
                .setQuestion("Which name should fill the \"Supplier name\" column when issuer and payee differ?")
                .setExampleFromDocuments("Issued by \"Northgate Search Services\", payable to \"NSS Holdings Ltd\".")
                .setScope(everyDocument)
                .setChoices(List.of(
                        new AnswerChoice("a", "Use the invoice issuer's name", "Northgate Search Services", true),
                        new AnswerChoice("b", "Use the payment recipient's name", "NSS Holdings Ltd", false)))
                .setPreviousAnswerRejected(false)
                .build();
        OpenQuestion dates = OpenQuestion.newBuilder()
                .setQuestionId("q_2")
                .setType(QuestionType.FREE_TEXT)
                .setQuestion("What date format should the \"Due Date\" column use?")
                .setExampleFromDocuments("The files show \"Aug 27, 2026\" and \"2026/09/08\".")
                .setScope(everyDocument)
                .setChoices(List.of())
                .setRecommendedApproach("I will use YYYY-MM-DD for every value in the \"Due Date\" column.")
                .setPreviousAnswerRejected(true)
                .build();
        return ExtractionQuestionsAsked.newBuilder()
                .setSubmissionId("sub-sess-supplier-acme-2026-07-1")
                .setExtractionId("a1b2c3d4-e5f6-7890-abcd-ef1234567890")
                .setUploadSessionId("sess-supplier-acme-2026-07")
                .setProfile("per-invoice-default")
                .setBatchKey("supplier-acme-2026-07")
                .setFiles(List.of(fileRef()))
                .setAttempt(1)
                .setAnswerBy(Instant.parse("2026-07-03T01:30:05Z"))
                .setProgress(22)
                .setQuestions(List.of(supplier, dates))
                .setAutoAcceptRecommended(false)
                .setAskedAt(REGISTERED_AT.plusSeconds(30))
                .build();
    }

    public static ReviewNeededItem reviewNeeded() {
        return ReviewNeededItem.newBuilder()
                .setMessage("Check the handwritten adjustment.")
                .setAffectedFields(List.of("Total Amount"))
                .setOutputRowNumbers(List.of(1))
                .setSourceReferences(List.of("inv-2026-0001.pdf (Page 1)"))
                .build();
    }

    public static ExtractionCompleted extractionCompleted() {
        Pages pages = Pages.newBuilder()
                .setSuccessfulCount(1)
                .setFailedCount(1)
                .setSuccessful(List.of(new PageRef("inv-2026-0001.pdf", 1)))
                .setFailed(List.of(new PageRef("inv-2026-0001.pdf", 2)))
                .setFailureReasons(List.of(PageFailureReason.newBuilder()
                        .setCode("PROCESSING_FILE_SIZE_LIMIT_EXCEEDED")
                        .setMessage("Split the PDF and resubmit.")
                        .setAffectedPages(List.of(new FilePages("inv-2026-0001.pdf", List.of(2))))
                        .build()))
                .build();
        return ExtractionCompleted.newBuilder()
                .setSubmissionId("sub-sess-supplier-acme-2026-07-1")
                .setExtractionId("a1b2c3d4-e5f6-7890-abcd-ef1234567890")
                .setUploadSessionId("sess-supplier-acme-2026-07")
                .setProfile("per-invoice-default")
                .setBatchKey("supplier-acme-2026-07")
                .setFiles(List.of(fileRef()))
                .setStatus(ExtractionOutcome.COMPLETED)
                .setAttempt(1)
                .setCreditsDeducted(1L)
                .setOutputStructure("per_invoice")
                .setPages(pages)
                .setReviewNeeded(List.of(reviewNeeded()))
                .setUncertaintyNotes(List.of(UncertaintyNote.newBuilder()
                        .setTopic("Documents to extract from")
                        .setDescription("Treated the Tax Invoice pages as the main source.")
                        .setSuggestedPromptAdditions(List.of(new PromptSuggestion("To confirm this handling",
                                List.of("Extract from 'Tax Invoice' only"))))
                        .build()))
                .setOutputExpiresAt(Instant.parse("2026-09-29T09:30:06Z"))
                .setCompletedAt(REGISTERED_AT.plusSeconds(60))
                .build();
    }

    public static ExtractionResult extractionResult() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Invoice Number", "INV-2026-0001");
        values.put("Total Amount", CellValues.number(new BigDecimal("1234.50")));
        values.put("Quantity", CellValues.number(3));
        values.put("Paid", Boolean.FALSE);
        values.put("Due Date", null);
        values.put("Source File", "inv-2026-0001.pdf (Page 1)");
        values.put("Review Needed", "Check the handwritten adjustment.");
        ResultRow row = ResultRow.newBuilder()
                .setRowNumber(1)
                .setSourceReference("inv-2026-0001.pdf (Page 1)")
                .setValues(values)
                .build();
        return ExtractionResult.newBuilder()
                .setResultId(ResultIds.forSubmission("erp-42:inv-2026-0001", "sub-sess-supplier-acme-2026-07-1"))
                .setStatus(ResultStatus.EXTRACTED)
                .setFileId("erp-42:inv-2026-0001")
                .setFileName("inv-2026-0001.pdf")
                .setSourceUri("file:///var/invoices/inbox/inv-2026-0001.pdf")
                .setProfile("per-invoice-default")
                .setBatchKey("supplier-acme-2026-07")
                .setAttributes(Map.of("tenant", "acme", "erp.document-id", "DOC-77"))
                .setRegisteredAt(REGISTERED_AT)
                .setUploadSessionId("sess-supplier-acme-2026-07")
                .setSubmissionId("sub-sess-supplier-acme-2026-07-1")
                .setExtractionId("a1b2c3d4-e5f6-7890-abcd-ef1234567890")
                .setOutputStructure("per_invoice")
                .setColumns(new ArrayList<>(values.keySet()))
                .setRows(List.of(row))
                .setReviewNeeded(List.of(reviewNeeded()))
                .setFailedPages(List.of(new PageFailure(2, "PROCESSING_FILE_SIZE_LIMIT_EXCEEDED",
                        "Split the PDF and resubmit.")))
                .setOutputs(List.of(StoredOutput.newBuilder()
                        .setFormat("json")
                        .setUri("file:///var/invoices/outputs/a1b2c3d4/output.json")
                        .setSizeBytes(2_048L)
                        .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                        .build()))
                .setProducedAt(REGISTERED_AT.plusSeconds(70))
                .build();
    }

    /** One fully populated event of every type, in {@code EventType} order. */
    public static List<SpecificRecord> everyType() {
        return List.of(fileRegistered(), partsUploaded(), extractionSubmitted(), extractionCompleted(),
                extractionResult(), extractionQuestionsAsked());
    }
}
