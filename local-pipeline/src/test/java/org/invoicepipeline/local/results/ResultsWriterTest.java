package org.invoicepipeline.local.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.invoicepipeline.common.events.CellValues;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.JsonNumber;
import org.invoicepipeline.events.ResultRow;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.DeadLetterNote;
import org.invoicepipeline.local.monitor.FileProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsWriterTest {

    @TempDir
    Path folder;

    @Test
    void oneJsonLinePerResultAndOneCsvLinePerRowWithTheProfileColumns() throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put("Invoice Number", "INV-1, \"A\"");
        values.put("Total Amount", new JsonNumber("1234.50"));
        values.put("Paid", true);
        values.put("Due Date", null);
        ExtractionResult extracted = result("f1", "sub/a.pdf", ResultStatus.EXTRACTED, null,
                List.of(new ResultRow(1, "a.pdf (Page 1)", values)));
        ExtractionResult failed = result("f2", "b.pdf", ResultStatus.DEAD_LETTERED,
                new ErrorInfo("EMPTY_FILE", "file f2 'b.pdf': source is empty", false, null), List.of());
        List<FileOutcome> outcomes = List.of(
                FileOutcome.of("sub/a.pdf", progress("f1", extracted, null), FileOutcome.TIMED_OUT),
                FileOutcome.of("b.pdf", progress("f2", failed, null), FileOutcome.TIMED_OUT),
                FileOutcome.of("c.pdf", progress("f3", null, new DeadLetterNote("CORRUPT_FILE", "bad bytes", "upload", "x.DLT")),
                        FileOutcome.TIMED_OUT),
                FileOutcome.of("d.pdf", new FileProgress("f4", true, true, false, null, null, "e1"), FileOutcome.TIMED_OUT));

        ResultsWriter.write(folder, outcomes);

        List<String> lines = Files.readAllLines(folder.resolve(ResultsWriter.JSONL));
        assertThat(lines).hasSize(2);
        ObjectMapper json = CellValues.exactNumbers(JsonMapper.builder()).build();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.path("status").asText()).isEqualTo("EXTRACTED");
        assertThat(first.path("registered_at").asText()).isEqualTo("2026-07-01T09:30:00.123Z");
        assertThat(first.path("batch_key").isNull()).isTrue();
        JsonNode cells = first.path("rows").path(0).path("values");
        assertThat(cells.path("Total Amount").isNumber()).isTrue();
        assertThat(cells.path("Total Amount").decimalValue().toPlainString()).isEqualTo("1234.50");
        assertThat(lines.get(0)).contains("\"Total Amount\":1234.50");
        assertThat(cells.path("Paid").booleanValue()).isTrue();
        assertThat(cells.path("Due Date").isNull()).isTrue();
        assertThat(json.readTree(lines.get(1)).path("error").path("code").asText()).isEqualTo("EMPTY_FILE");

        try (Reader reader = Files.newBufferedReader(folder.resolve(ResultsWriter.CSV));
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(csv.getHeaderNames()).containsExactly("file", "status", "code", "message",
                    "Invoice Number", "Total Amount", "Paid", "Due Date");
            List<CSVRecord> records = csv.getRecords();
            assertThat(records).hasSize(4);
            assertThat(records.get(0).toMap()).containsEntry("file", "sub/a.pdf").containsEntry("status", "EXTRACTED")
                    .containsEntry("Invoice Number", "INV-1, \"A\"").containsEntry("Total Amount", "1234.50")
                    .containsEntry("Paid", "true").containsEntry("Due Date", "");
            assertThat(records.get(1).toMap()).containsEntry("status", "DEAD_LETTERED").containsEntry("code", "EMPTY_FILE")
                    .containsEntry("message", "file f2 'b.pdf': source is empty").containsEntry("Invoice Number", "");
            assertThat(records.get(2).toMap()).containsEntry("status", "DEAD_LETTERED").containsEntry("code", "CORRUPT_FILE");
            assertThat(records.get(3).toMap()).containsEntry("status", "PENDING").containsEntry("code", "TIMED_OUT")
                    .containsEntry("message", "was being extracted when the run ended");
        }
    }

    private static FileProgress progress(String id, ExtractionResult result, DeadLetterNote deadLetter) {
        return new FileProgress(id, true, true, true, result, deadLetter, null);
    }

    private static ExtractionResult result(String id, String name, ResultStatus status, ErrorInfo error,
                                           List<ResultRow> rows) {
        return ExtractionResult.newBuilder().setResultId(id + "/s").setStatus(status).setFileId(id).setFileName(name)
                .setSourceUri("file:///x/" + name).setProfile("invoices").setBatchKey(null)
                .setRegisteredAt(Instant.parse("2026-07-01T09:30:00.123Z"))
                .setColumns(rows.isEmpty() ? List.of() : List.of("Invoice Number", "Total Amount", "Paid", "Due Date"))
                .setRows(rows).setError(error).setProducedAt(Instant.parse("2026-07-01T09:31:00Z")).build();
    }
}
