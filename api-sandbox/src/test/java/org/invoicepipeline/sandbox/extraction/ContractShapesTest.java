package org.invoicepipeline.sandbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.sandbox.document.DocumentKind;
import org.invoicepipeline.sandbox.document.PageFailure;
import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.document.ReadPage;
import org.junit.jupiter.api.Test;

/** The records the engine puts into responses serialise with the contract's field names. */
class ContractShapesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void reviewNeededItemUsesTheContractNames() {
        JsonNode json = mapper.valueToTree(new ReviewNeededItem("Check the total", List.of("Total Amount"), List.of(4),
                List.of("invoice-1.pdf (Page 2)")));

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("message", "affected_fields", "output_row_numbers", "source_references");
        assertThat(json.get("output_row_numbers").get(0).asInt()).isEqualTo(4);
    }

    @Test
    void questionLeavesOutAbsentOptionalFieldsAndMarksOnlyTheRecommendedChoice() {
        Question question = new Question("q_1", Question.SINGLE_CHOICE, "Which amount?", "a.pdf shows two", Question.Scope.extraction(),
                List.of(new QuestionChoice("a", "Total", "10.00", true), new QuestionChoice("b", "Due", null, null)), null);
        JsonNode json = mapper.valueToTree(question);

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("question_id", "type", "question", "example_from_documents", "scope", "choices");
        assertThat(json.get("scope").get("level").asText()).isEqualTo("extraction");
        assertThat(json.get("scope").get("applies_to").asText()).isNotBlank();
        assertThat(json.get("choices").get(0).get("recommended").asBoolean()).isTrue();
        assertThat(json.get("choices").get(0).get("cell_would_contain").asText()).isEqualTo("10.00");
        assertThat(json.get("choices").get(1).has("recommended")).isFalse();
        assertThat(json.get("choices").get(1).has("cell_would_contain")).isFalse();
        assertThat(question.recommendedChoice().choiceId()).isEqualTo("a");
        assertThat(question.offers("b")).isTrue();
        assertThat(question.offers("c")).isFalse();
    }

    @Test
    void uncertaintyNoteUsesTheContractNames() {
        JsonNode json = mapper.valueToTree(new UncertaintyNote("Which date", "Used the issue date",
                List.of(new UncertaintyNote.SuggestedPromptAddition("To confirm", List.of("Invoice Date: issue date")))));

        assertThat(json.fieldNames()).toIterable().containsExactly("topic", "description", "suggested_prompt_additions");
        assertThat(json.get("suggested_prompt_additions").get(0).get("instructions").get(0).asText())
                .isEqualTo("Invoice Date: issue date");
    }

    @Test
    void pageResultsGroupFailuresByCodeAndSerialiseAsPages() {
        PageFailure unreadable = new PageFailure(PageFailure.FILE_UNREADABLE, "cannot read");
        PageFailure page = new PageFailure(PageFailure.PAGE_UNREADABLE, "page damaged");
        PageResults pages = PageResults.of(List.of(
                new ReadDocument("a.pdf", DocumentKind.PDF, 3,
                        List.of(ReadPage.ok(1, "x"), ReadPage.failed(2, page), ReadPage.failed(3, page)), false),
                new ReadDocument("b.pdf", DocumentKind.PDF, 1, List.of(ReadPage.failed(1, unreadable)), false),
                new ReadDocument("c.pdf", DocumentKind.PDF, 1, List.of(ReadPage.failed(1, page)), false)));

        JsonNode json = mapper.valueToTree(pages);

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("successful_count", "failed_count", "successful", "failed", "failure_reasons");
        assertThat(json.get("successful_count").asInt()).isEqualTo(1);
        assertThat(json.get("failed_count").asInt()).isEqualTo(4);
        assertThat(json.get("successful").get(0).get("file_name").asText()).isEqualTo("a.pdf");
        assertThat(pages.failureReasons()).containsExactly(
                new PageFailureReason(PageFailure.PAGE_UNREADABLE, "page damaged", List.of(
                        new PageFailureReason.AffectedPages("a.pdf", List.of(2, 3)),
                        new PageFailureReason.AffectedPages("c.pdf", List.of(1)))),
                new PageFailureReason(PageFailure.FILE_UNREADABLE, "cannot read", List.of(
                        new PageFailureReason.AffectedPages("b.pdf", List.of(1)))));
        assertThat(json.get("failure_reasons").get(0).get("affected_pages").get(0).get("pages").toString()).isEqualTo("[2,3]");
    }

    @Test
    void aRowExtractorIsSafeToShareBetweenThreads() throws Exception {
        RowExtractor extractor = new RowExtractor();
        List<ReadDocument> documents = List.of(new ReadDocument("a.pdf", DocumentKind.PDF, 1, List.of(ReadPage.ok(1,
                "Invoice Number: A-1\nInvoice Date: 2026-01-02\nSupplier: Acme Ltd\nTotal: 100.00\n")), false));
        ExtractionSpec spec = ExtractionSpec.builder(ExtractionPrompt.sentence("invoice number, supplier and total")).build();
        ExtractionOutcome expected = extractor.extract(spec, documents);
        List<java.util.concurrent.Future<ExtractionOutcome>> results = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> extractor.extract(spec, documents)));
            }
            for (java.util.concurrent.Future<ExtractionOutcome> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.rows().get(0)).containsEntry("Invoice Number", "A-1").containsEntry("Vendor Name", "Acme Ltd")
                .containsEntry("Total Amount", "100.00");
    }
}
