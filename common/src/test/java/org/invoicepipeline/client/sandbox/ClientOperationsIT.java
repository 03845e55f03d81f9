package org.invoicepipeline.client.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.CreditsBalance;
import org.invoicepipeline.client.model.ExtractionDetails;
import org.invoicepipeline.client.model.ExtractionList;
import org.invoicepipeline.client.model.ExtractionOptions;
import org.invoicepipeline.client.model.ExtractionState;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.FieldsPrompt;
import org.invoicepipeline.client.model.ListExtractionsQuery;
import org.invoicepipeline.client.model.OutputDownloadUrl;
import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.client.model.OutputStructure;
import org.invoicepipeline.client.model.Prompt;
import org.invoicepipeline.client.model.PromptField;
import org.invoicepipeline.client.model.ResultsPage;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.client.model.Submission;
import org.invoicepipeline.samples.SampleInvoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation of the client against the sandbox, end to end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientOperationsIT {

    private SandboxFixture fixture;
    private InvoiceExtractionClient client;

    @BeforeAll
    void start() {
        fixture = SandboxFixture.start();
        client = fixture.client();
    }

    @AfterAll
    void stop() {
        client.close();
        fixture.close();
    }

    @Test
    void creditsBalanceMatchesTheAccount() {
        CreditsBalance balance = client.getCreditsBalance();

        var account = fixture.sandbox.control().credits(fixture.apiKey);
        assertThat(balance.creditsBalance()).isEqualTo(account.balance());
        assertThat(balance.available()).isEqualTo(account.usable());
    }

    @Test
    void uploadsSubmitsWaitsAndReadsRowsLazily() {
        List<SampleInvoice> invoices = fixture.samples.generateMany(3);
        String session = SandboxFixture.uploadInvoices(client, fixture.samples, invoices);
        Submission submission = client.submitExtraction(request(session, 3,
                Prompt.text("Extract invoice number, invoice date, vendor name and total amount"),
                ExtractionOptions.typedValues()));

        ExtractionStatus status = SandboxFixture.awaitSettled(client, submission.extractionId());

        assertThat(status).isInstanceOf(ExtractionStatus.Completed.class);
        List<Map<String, Object>> rows = client.resultRows(submission.extractionId()).toList();
        assertThat(rows).hasSize(3);
        String allValues = rows.stream().flatMap(row -> row.values().stream()).filter(Objects::nonNull)
                .map(Object::toString).collect(Collectors.joining("|"));
        assertThat(invoices).allSatisfy(invoice -> assertThat(allValues).contains(invoice.invoiceNumber()));

        long before = resultsCalls();
        ResultsPage first = client.resultPages(submission.extractionId(), 1).findFirst().orElseThrow();
        assertThat(first.hasMore()).isTrue();
        assertThat(resultsCalls() - before).as("pages are fetched only as consumed").isEqualTo(1);
        assertThat(client.resultPages(submission.extractionId(), 1).count()).isEqualTo(3);
    }

    @Test
    void downloadsOutputsFromTheStatusUrlAndRefreshesAnExpiredOne(@TempDir Path dir) throws Exception {
        ExtractionStatus.Completed completed = completedExtraction(2);
        long outputCallsBefore = calls("getOutputDownloadUrl");

        long xlsx = client.downloadOutput(completed, OutputFormat.XLSX, dir.resolve("out.xlsx"));
        assertThat(xlsx).isPositive().isEqualTo(Files.size(dir.resolve("out.xlsx")));
        assertThat(new String(Files.readAllBytes(dir.resolve("out.xlsx")), 0, 2, StandardCharsets.ISO_8859_1))
                .isEqualTo("PK");
        assertThat(calls("getOutputDownloadUrl")).as("the status's own URL was used").isEqualTo(outputCallsBefore);

        fixture.sandbox.control().expireIssuedSignedUrls();
        client.downloadOutput(completed, OutputFormat.JSON, dir.resolve("out.json"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
        assertThat(json.isContainerNode()).isTrue();
        assertThat(calls("getOutputDownloadUrl")).as("a fresh URL was fetched after storage refused the old one")
                .isEqualTo(outputCallsBefore + 1);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        client.downloadOutput(completed.extractionId(), OutputFormat.CSV, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("Source File");

        OutputDownloadUrl url = client.getOutputDownloadUrl(completed.extractionId(), OutputFormat.XLSX);
        assertThat(url.format()).isEqualTo(OutputFormat.XLSX);
        assertThat(url.expiresInSeconds()).isEqualTo(300);
    }

    @Test
    void detailsCarryTheOriginalPromptAndAppliedOptions() {
        ExtractionStatus.Completed completed = completedExtraction(1);

        ExtractionDetails details = client.getExtractionDetails(completed.extractionId());

        assertThat(details.status()).isEqualTo(ExtractionState.COMPLETED);
        assertThat(details.prompt()).isInstanceOfSatisfying(FieldsPrompt.class,
                prompt -> assertThat(prompt.fields()).extracting(PromptField::name)
                        .containsExactly("Invoice Number", "Total Amount"));
        assertThat(details.options().jsonTypedValues()).isTrue();
        assertThat(details.fileNames()).hasSize(1);
    }

    @Test
    void listsExtractionsFollowingCursors() {
        completedExtraction(1);
        completedExtraction(1);

        ExtractionList page = client.listExtractions(ListExtractionsQuery.builder().limit(1).build());
        long all = client.listAllExtractions(ListExtractionsQuery.builder().limit(1).build()).count();

        assertThat(page.extractions()).hasSize(1);
        assertThat(page.hasMore()).isTrue();
        assertThat(all).isEqualTo(fixture.sandbox.control().counters(fixture.apiKey).extractionsCreated());
    }

    @Test
    void answersTheQuestionsOfAnExtractionThatStoppedToAsk() {
        String session = SandboxFixture.uploadInvoices(client, fixture.samples,
                List.of(fixture.samples.ambiguousTotal(1)));
        Submission submission = client.submitExtraction(request(session, 1, Prompt.fields(
                        List.of(PromptField.of("Invoice Number"), PromptField.of("Total Amount")), null),
                ExtractionOptions.builder().jsonTypedValues(true).askQuestions(true).build()));

        ExtractionStatus asked = SandboxFixture.awaitSettled(client, submission.extractionId());
        assertThat(asked).isInstanceOf(ExtractionStatus.InputRequired.class);
        List<Answer> answers = ((ExtractionStatus.InputRequired) asked).questions().stream()
                .map(q -> Answer.acceptRecommended(q.questionId())).toList();
        assertThat(answers).isNotEmpty();

        ExtractionStatus afterAnswers = client.answerQuestions(submission.extractionId(), answers);

        assertThat(afterAnswers).isNotInstanceOf(ExtractionStatus.InputRequired.class);
        assertThat(SandboxFixture.awaitSettled(client, submission.extractionId()))
                .isInstanceOf(ExtractionStatus.Completed.class);
    }

    @Test
    void deletesAnExtractionForGood() {
        ExtractionStatus.Completed completed = completedExtraction(1);

        client.deleteExtraction(completed.extractionId());

        assertThatThrownBy(() -> client.getExtraction(completed.extractionId()))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ApiErrorCode.EXTRACTION_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    @Test
    void cancelsAnExtractionStillProcessing() {
        try (SandboxFixture slow = SandboxFixture.start(b -> b.pageProcessingTime(java.time.Duration.ofMillis(500)));
             InvoiceExtractionClient slowClient = slow.client()) {
            String session = SandboxFixture.uploadInvoices(slowClient, slow.samples,
                    List.of(slow.samples.multiPage(1)));
            Submission submission = slowClient.submitExtraction(request(session, 1, Prompt.text("Extract totals"),
                    null));

            assertThatThrownBy(() -> slowClient.deleteExtraction(submission.extractionId()))
                    .isInstanceOfSatisfying(ApiErrorException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ApiErrorCode.EXTRACTION_IN_PROGRESS));
            var cancellation = slowClient.cancelExtraction(submission.extractionId());
            assertThat(cancellation.cancellationRequested() || cancellation.status().state() == ExtractionState.CANCELLED)
                    .isTrue();

            ExtractionStatus settled = SandboxFixture.awaitSettled(slowClient, submission.extractionId());
            assertThat(settled).isInstanceOfSatisfying(ExtractionStatus.Cancelled.class,
                    c -> assertThat(c.cancellationReason()).hasToString("USER"));
            assertThat(slowClient.cancelExtraction(submission.extractionId()).status())
                    .as("a repeat is idempotent").isInstanceOf(ExtractionStatus.Cancelled.class);
            assertThat(slow.sandbox.control().counters(slow.apiKey).calls("deleteExtraction"))
                    .as("a non-retryable error is not retried").isEqualTo(1);
        }
    }

    private ExtractionStatus.Completed completedExtraction(int invoiceCount) {
        String session = SandboxFixture.uploadInvoices(client, fixture.samples,
                fixture.samples.generateMany(invoiceCount));
        Submission submission = client.submitExtraction(request(session, invoiceCount, Prompt.fields(
                        List.of(PromptField.of("Invoice Number"), PromptField.of("Total Amount")), null),
                ExtractionOptions.typedValues()));
        ExtractionStatus status = SandboxFixture.awaitSettled(client, submission.extractionId());
        assertThat(status).isInstanceOf(ExtractionStatus.Completed.class);
        return (ExtractionStatus.Completed) status;
    }

    private static SubmitExtractionRequest request(String session, int files, Prompt prompt, ExtractionOptions options) {
        return SubmitExtractionRequest.builder()
                .submissionId("sub_" + UUID.randomUUID())
                .uploadSessionId(session)
                .fileIds(java.util.stream.IntStream.range(0, files).mapToObj(i -> "file_" + i).toList())
                .taskName("Client test")
                .prompt(prompt)
                .outputStructure(OutputStructure.PER_INVOICE)
                .options(options)
                .build();
    }

    private long resultsCalls() {
        return calls("getExtractionResults");
    }

    private long calls(String operationId) {
        return fixture.sandbox.control().counters(fixture.apiKey).calls(operationId);
    }
}
