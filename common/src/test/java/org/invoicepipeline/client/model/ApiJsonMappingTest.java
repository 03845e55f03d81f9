package org.invoicepipeline.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.http.ApiJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiJsonMappingTest {

    private final ObjectMapper json = ApiJson.newMapper();

    @Test
    void readsEveryStatusIntoItsVariant() throws Exception {
        assertThat(status("{\"success\":true,\"status\":\"processing\",\"extraction_id\":\"e1\",\"progress\":42}"))
                .isEqualTo(new ExtractionStatus.Processing("e1", 42));

        ExtractionStatus inputRequired = status("""
                {"success":true,"status":"input_required","extraction_id":"e1","progress":22,
                 "answer_by":"2026-09-12T11:14:00Z","questions":[{"question_id":"q_1","type":"single_choice",
                 "question":"Which name?","scope":{"level":"extraction","applies_to":"all"},
                 "choices":[{"choice_id":"a","label":"Issuer","recommended":true},{"choice_id":"b","label":"Payee"}]}]}""");
        assertThat(inputRequired).isInstanceOfSatisfying(ExtractionStatus.InputRequired.class, s -> {
            assertThat(s.answerBy()).isEqualTo(Instant.parse("2026-09-12T11:14:00Z"));
            assertThat(s.questions()).singleElement().satisfies(q -> {
                assertThat(q.questionId()).isEqualTo("q_1");
                assertThat(q.choices()).extracting(QuestionChoice::isRecommended).containsExactly(true, false);
            });
            assertThat(s.isTerminal()).isFalse();
        });

        ExtractionStatus completed = status("""
                {"success":true,"status":"completed","extraction_id":"e1","credits_deducted":25,"credits_balance":125,
                 "credits_reserved":0,"output_structure":"per_invoice","output_expires_at":"2026-07-26T10:30:00Z",
                 "pages":{"successful_count":1,"failed_count":0,"successful":[{"file_name":"a.pdf","page":1}],
                          "failed":[],"failure_reasons":[]},
                 "ai_uncertainty_notes":[],"review_needed":{"count":0,"items":[]},
                 "output":{"xlsx_url":"https://s/x?sig=1","csv_url":null,"json_url":"https://s/j?sig=2"},
                 "brand_new_field":{"anything":1}}""");
        assertThat(completed).isInstanceOfSatisfying(ExtractionStatus.Completed.class, s -> {
            assertThat(s.outputStructure()).isEqualTo(OutputStructure.PER_INVOICE);
            assertThat(s.pages().successful()).containsExactly(new PageReference("a.pdf", 1));
            assertThat(s.output().urlFor(OutputFormat.XLSX)).contains("https://s/x?sig=1");
            assertThat(s.output().urlFor(OutputFormat.CSV)).isEmpty();
            assertThat(s.isTerminal()).isTrue();
        });

        assertThat(status("""
                {"success":false,"status":"failed","extraction_id":"e1","error":{"code":"CONCURRENT_TASK_LIMIT",
                 "message":"busy","retryable":true,"details":null}}"""))
                .isInstanceOfSatisfying(ExtractionStatus.Failed.class, s -> {
                    assertThat(s.error().code()).isEqualTo("CONCURRENT_TASK_LIMIT");
                    assertThat(s.error().isRetryable()).isTrue();
                });

        assertThat(status("""
                {"success":true,"status":"cancelled","extraction_id":"e1","credits_deducted":4,
                 "cancellation_reason":"user","credits_balance":146,"credits_reserved":0}"""))
                .isEqualTo(new ExtractionStatus.Cancelled("e1", 4, CancellationReason.USER, 146L, 0L));
    }

    @Test
    void unknownStatusIsNonTerminalAndKeepsTheRawAnswer() throws Exception {
        ExtractionStatus status = status("{\"success\":true,\"status\":\"queued_for_review\",\"extraction_id\":\"e9\"}");

        assertThat(status).isInstanceOfSatisfying(ExtractionStatus.Unknown.class, s -> {
            assertThat(s.status()).isEqualTo("queued_for_review");
            assertThat(s.extractionId()).isEqualTo("e9");
            assertThat(s.raw().path("status").asText()).isEqualTo("queued_for_review");
        });
        assertThat(status.isTerminal()).isFalse();
    }

    @Test
    void writesSubmissionInSnakeCaseWithStringOrObjectPrompt() throws Exception {
        SubmitExtractionRequest sentence = SubmitExtractionRequest.builder()
                .submissionId("sub_1").uploadSessionId("sess_1").fileIds(List.of("f1")).taskName("January")
                .prompt("Extract invoice number and total").outputStructure(OutputStructure.PER_INVOICE)
                .options(ExtractionOptions.typedValues()).build();
        JsonNode written = json.readTree(json.writeValueAsBytes(sentence));
        assertThat(written.path("prompt").isTextual()).isTrue();
        assertThat(written.path("output_structure").asText()).isEqualTo("per_invoice");
        assertThat(written.path("options").path("json_typed_values").asBoolean()).isTrue();
        assertThat(written.path("options").has("ask_questions")).as("unset options are not sent").isFalse();

        SubmitExtractionRequest fields = SubmitExtractionRequest.builder()
                .submissionId("sub_2").uploadSessionId("sess_1").fileIds(List.of("f1")).taskName("January")
                .prompt(Prompt.fields(List.of(PromptField.of("Invoice Number"),
                        PromptField.of("Invoice Date", "The issue date")), "Dates as YYYY-MM-DD"))
                .outputStructure(OutputStructure.PER_LINE_ITEM).build();
        JsonNode object = json.readTree(json.writeValueAsBytes(fields)).path("prompt");
        assertThat(object.path("fields").get(0).path("name").asText()).isEqualTo("Invoice Number");
        assertThat(object.path("fields").get(0).has("prompt")).isFalse();
        assertThat(object.path("general_prompt").asText()).isEqualTo("Dates as YYYY-MM-DD");
        assertThat(json.readTree(json.writeValueAsBytes(fields)).has("options")).isFalse();
    }

    @Test
    void readsBothPromptFormsBack() throws Exception {
        assertThat(json.readValue("\"Extract totals\"", Prompt.class)).isEqualTo(new TextPrompt("Extract totals"));
        assertThat(json.readValue("{\"fields\":[{\"name\":\"Total\"}],\"general_prompt\":\"g\"}", Prompt.class))
                .isEqualTo(new FieldsPrompt(List.of(new PromptField("Total", null)), "g"));
    }

    @Test
    void keepsTheQuotedETagAsPartOfTheCompletion() throws Exception {
        CompleteFileUploadRequest request = new CompleteFileUploadRequest("f1",
                List.of(new UploadedPart(1, "\"a1b2\"")));

        JsonNode part = json.readTree(json.writeValueAsBytes(request)).path("parts").get(0);

        assertThat(part.path("part_number").asInt()).isEqualTo(1);
        assertThat(part.path("e_tag").asText()).isEqualTo("\"a1b2\"");
    }

    @Test
    void writesAnswersInTheirThreeForms() throws Exception {
        JsonNode answers = json.readTree(json.writeValueAsBytes(new AnswerQuestionsRequest(List.of(
                Answer.choice("q_1", "b"), Answer.text("q_2", "DD/MM/YYYY"), Answer.acceptRecommended("q_3")))))
                .path("answers");

        assertThat(answers.get(0).toString()).isEqualTo("{\"question_id\":\"q_1\",\"choice_id\":\"b\"}");
        assertThat(answers.get(1).toString()).isEqualTo("{\"question_id\":\"q_2\",\"text\":\"DD/MM/YYYY\"}");
        assertThat(answers.get(2).toString()).isEqualTo("{\"question_id\":\"q_3\",\"accept_recommended\":true}");
    }

    @Test
    void readsTypedRowsWithDecimalsIntact() throws Exception {
        ResultsPage page = json.readValue("""
                {"success":true,"extraction_id":"e1","status":"completed","output_structure":"per_invoice",
                 "output_expires_at":"2026-07-26T10:30:00Z","json_typed_values":true,
                 "columns":["Invoice Number","Total Amount","Paid"],
                 "rows":[{"Invoice Number":"INV-1","Total Amount":1250.10,"Paid":false}],
                 "offset":0,"limit":100,"row_count":1,"total_rows":1,"has_more":false,"next_offset":null,
                 "review_needed":{"count":0,"items":[]},
                 "pages":{"successful_count":1,"failed_count":0,"successful":[],"failed":[],"failure_reasons":[]}}""",
                ResultsPage.class);

        assertThat(page.rows()).singleElement().satisfies(row -> {
            assertThat(row).containsKeys("Invoice Number", "Total Amount", "Paid");
            assertThat(row.get("Total Amount")).isEqualTo(new BigDecimal("1250.10"));
            assertThat(row.get("Paid")).isEqualTo(false);
        });
        assertThat(page.nextOffset()).isNull();
    }

    @Test
    void toleratesUnknownEnumValues() throws Exception {
        ExtractionSummary item = json.readValue("""
                {"extraction_id":"e1","submission_id":null,"task_name":"t","status":"archived",
                 "created_at":"2026-04-27T10:30:00Z","submission_method":"api","file_count":1,
                 "file_names_preview":["a.pdf"],"file_names_truncated":false,"output_structure":"per_page",
                 "available_outputs":["xlsx","parquet"]}""", ExtractionSummary.class);

        assertThat(item.status()).isEqualTo(ExtractionState.UNRECOGNISED);
        assertThat(item.status().isTerminal()).isFalse();
        assertThat(item.outputStructure()).isEqualTo(OutputStructure.UNRECOGNISED);
        assertThat(item.availableOutputs()).containsExactly(OutputFormat.XLSX, OutputFormat.UNRECOGNISED);
    }

    private ExtractionStatus status(String body) throws Exception {
        return json.readValue(body, ExtractionStatus.class);
    }
}
