package org.invoicepipeline.download.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.model.AffectedPages;
import org.invoicepipeline.client.model.PageFailureReason;
import org.invoicepipeline.client.model.PageReference;
import org.invoicepipeline.client.model.Pages;
import org.invoicepipeline.client.model.ReviewNeededItem;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.JsonNumber;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.events.StoredOutput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FileResultAssemblerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final FileResultAssembler assembler =
            new FileResultAssembler(new RowCells(new ObjectMapper()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void rowsGoToTheFileTheirSourceFileColumnNames() {
        ExtractionCompleted completed = completed(ExtractionOutcome.COMPLETED,
                file("f-a", "1-a.pdf", "a.pdf"), file("f-b", "2-b (Page 1).pdf", "b (Page 1).pdf"));
        ExtractionRows rows = new ExtractionRows(List.of("Invoice Number", "Total Amount", "Source File"),
                List.of(row("INV-1", new BigDecimal("1250.50"), "1-a.pdf (Page 1)"),
                        row("INV-2", 99, "2-b (Page 1).pdf (Page 1)"),
                        row("INV-3", 10.5, "1-a.pdf (Pages 2-3)"),
                        row("INV-X", 1, "unknown.pdf (Page 1)")),
                List.of(new ReviewNeededItem("Check the total", List.of("Total Amount"), List.of(2),
                        List.of("2-b (Page 1).pdf (Page 1)"))),
                new Pages(3, 1, List.of(), List.of(new PageReference("1-a.pdf", 4)),
                        List.of(new PageFailureReason("ENCRYPTED_FILE", "Encrypted",
                                List.of(new AffectedPages("1-a.pdf", List.of(4)))))),
                "per_invoice");
        List<StoredOutput> outputs = List.of(new StoredOutput("json", "file:/out/e-1/output.json", 10L, "ab"));

        List<ExtractionResult> results = assembler.extracted(completed, rows, outputs);

        assertThat(results).hasSize(2);
        ExtractionResult a = results.get(0);
        assertThat(a.getResultId()).isEqualTo("f-a/sub-1");
        assertThat(a.getStatus()).isEqualTo(ResultStatus.EXTRACTED);
        assertThat(a.getFileName()).isEqualTo("a.pdf");
        assertThat(a.getAttributes()).containsEntry("erp", "acme");
        assertThat(a.getRows()).extracting(r -> r.getRowNumber()).containsExactly(1, 3);
        assertThat(a.getRows().get(0).getValues())
                .containsEntry("Invoice Number", "INV-1")
                .containsEntry("Total Amount", new JsonNumber("1250.50"));
        assertThat(a.getRows().get(1).getValues()).containsEntry("Total Amount", new JsonNumber("10.5"));
        assertThat(a.getFailedPages()).singleElement()
                .satisfies(p -> assertThat(p.getCode()).isEqualTo("ENCRYPTED_FILE"));
        assertThat(a.getReviewNeeded()).isEmpty();
        assertThat(a.getOutputs()).isEqualTo(outputs);
        assertThat(a.getProducedAt()).isEqualTo(NOW);

        ExtractionResult b = results.get(1);
        assertThat(b.getRows()).singleElement().satisfies(r -> {
            assertThat(r.getRowNumber()).isEqualTo(2);
            assertThat(r.getSourceReference()).isEqualTo("2-b (Page 1).pdf (Page 1)");
            assertThat(r.getValues()).containsEntry("Total Amount", new JsonNumber("99"));
        });
        assertThat(b.getReviewNeeded()).singleElement()
                .satisfies(item -> assertThat(item.getMessage()).isEqualTo("Check the total"));
        assertThat(b.getFailedPages()).isEmpty();
    }

    @Test
    void aSingleFileExtractionOwnsEveryRowEvenWithoutTheSourceFileColumn() {
        ExtractionCompleted completed = completed(ExtractionOutcome.COMPLETED, file("f-a", "a.pdf", "a.pdf"));
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("Invoice Number", "INV-9");
        ExtractionRows rows = new ExtractionRows(List.of("Invoice Number"), List.of(bare), List.of(), null, "per_invoice");

        assertThat(assembler.extracted(completed, rows, List.of()).get(0).getRows()).hasSize(1);
    }

    @Test
    void failedAndCancelledExtractionsGiveEveryFileAResultSayingWhy() {
        ExtractionCompleted failed = ExtractionCompleted.newBuilder(completed(ExtractionOutcome.FAILED,
                        file("f-a", "a.pdf", "a.pdf"), file("f-b", "b.pdf", "b.pdf")))
                .setError(new ErrorInfo("ENCRYPTED_FILE", "The file is encrypted", false, null)).build();
        ExtractionCompleted cancelled = ExtractionCompleted.newBuilder(completed(ExtractionOutcome.CANCELLED,
                file("f-c", "c.pdf", "c.pdf"))).setCancellationReason("unanswered").build();

        assertThat(assembler.notExtracted(failed))
                .extracting(ExtractionResult::getFileId, ExtractionResult::getStatus, r -> r.getError().getCode())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("f-a", ResultStatus.FAILED, "ENCRYPTED_FILE"),
                        org.assertj.core.groups.Tuple.tuple("f-b", ResultStatus.FAILED, "ENCRYPTED_FILE"));
        assertThat(assembler.notExtracted(cancelled)).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(ResultStatus.CANCELLED);
            assertThat(r.getError().getCode()).isEqualTo("CANCELLED_UNANSWERED");
        });
    }

    private static Map<String, Object> row(String number, Object total, String source) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Invoice Number", number);
        row.put("Total Amount", total);
        row.put("Source File", source);
        return row;
    }

    private static FileRef file(String fileId, String sessionName, String originalName) {
        return FileRef.newBuilder().setFileId(fileId).setApiFileId("api-" + fileId).setFileName(sessionName)
                .setOriginalFileName(originalName).setSourceUri("file:/in/" + originalName).setSizeBytes(100)
                .setRegisteredAt(NOW).setAttributes(Map.of("erp", "acme")).build();
    }

    private static ExtractionCompleted completed(ExtractionOutcome outcome, FileRef... files) {
        return ExtractionCompleted.newBuilder().setSubmissionId("sub-1").setExtractionId("e-1")
                .setUploadSessionId("us-1").setProfile("default").setFiles(List.of(files)).setStatus(outcome)
                .setAttempt(1).setCompletedAt(NOW).build();
    }
}
