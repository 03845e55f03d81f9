package org.invoicepipeline.upload.dedup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.JsonNumber;
import org.invoicepipeline.events.ResultRow;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.events.StoredOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateResultsTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    private static final WaitingDuplicate COPY = new WaitingDuplicate("copy-1", "first-1", "invoices/ab12",
            "copy.pdf", "file:///in/copy.pdf", "invoices", "batch-9", 1_700_000_000_000L, Map.of("erp", "doc-2"));

    @Test
    void aDuplicateCarriesTheFirstFilesRowsUnderItsOwnIdentity() {
        ExtractionResult first = first(ResultStatus.EXTRACTED, null);

        ExtractionResult copy = DuplicateResults.of(COPY, first, NOW);

        assertThat(copy.getResultId()).isEqualTo("copy-1/sub-us-1-1");
        assertThat(copy.getStatus()).isEqualTo(ResultStatus.EXTRACTED);
        assertThat(copy.getDuplicateOf()).isEqualTo("first-1");
        assertThat(copy.getFileId()).isEqualTo("copy-1");
        assertThat(copy.getFileName()).isEqualTo("copy.pdf");
        assertThat(copy.getSourceUri()).isEqualTo("file:///in/copy.pdf");
        assertThat(copy.getBatchKey()).isEqualTo("batch-9");
        assertThat(copy.getAttributes()).containsExactly(Map.entry("erp", "doc-2"));
        assertThat(copy.getRegisteredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(copy.getProducedAt()).isEqualTo(NOW);
        assertThat(copy.getRows()).isEqualTo(first.getRows());
        assertThat(copy.getColumns()).isEqualTo(first.getColumns());
        assertThat(copy.getOutputs()).isEqualTo(first.getOutputs());
        assertThat(copy.getExtractionId()).isEqualTo("e-1");
        assertThat(copy.getSubmissionId()).isEqualTo("sub-us-1-1");
    }

    @Test
    void aFailedFirstGivesItsFailure() {
        ErrorInfo error = new ErrorInfo("SOURCE_CHANGED", "file first-1 'a.pdf': changed", false, null);

        ExtractionResult copy = DuplicateResults.of(COPY, first(ResultStatus.FAILED, error), NOW);

        assertThat(copy.getStatus()).isEqualTo(ResultStatus.FAILED);
        assertThat(copy.getError()).isEqualTo(error);
        assertThat(copy.getDuplicateOf()).isEqualTo("first-1");
    }

    @Test
    void aFirstNeverSubmittedKeepsItsSessionSuffix() {
        ExtractionResult first = ExtractionResult.newBuilder(first(ResultStatus.FAILED, null))
                .setResultId("first-1/us-1").setSubmissionId(null).build();

        assertThat(DuplicateResults.of(COPY, first, NOW).getResultId()).isEqualTo("copy-1/us-1");
    }

    private static ExtractionResult first(ResultStatus status, ErrorInfo error) {
        return ExtractionResult.newBuilder().setResultId("first-1/sub-us-1-1").setStatus(status).setFileId("first-1")
                .setFileName("a.pdf").setSourceUri("file:///in/a.pdf").setProfile("invoices").setBatchKey(null)
                .setAttributes(Map.of("erp", "doc-1")).setRegisteredAt(Instant.EPOCH).setUploadSessionId("us-1")
                .setSubmissionId("sub-us-1-1").setExtractionId("e-1").setOutputStructure("per_invoice")
                .setColumns(List.of("Invoice Number", "Total Amount"))
                .setRows(List.of(new ResultRow(1, "a.pdf (Page 1)",
                        Map.of("Invoice Number", "INV-1", "Total Amount", new JsonNumber("10.50")))))
                .setOutputs(List.of(new StoredOutput("json", "file:///out/e-1/output.json", 10L, "ab")))
                .setError(error).setProducedAt(Instant.EPOCH).build();
    }
}
