package org.invoicepipeline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.Question;
import org.invoicepipeline.client.model.QuestionChoice;
import org.junit.jupiter.api.Test;

/** The API-only commands with a mocked client: what is sent, what is refused before sending, exit codes. */
class ApiCommandsTest {

    private static final String KEY = "sk-test-secret-key";
    private static final String ID = "3f2c0d3e-0000-4000-8000-000000000001";

    private final InvoiceExtractionClient api = mock(InvoiceExtractionClient.class);

    @Test
    void answerSendsTheChosenAnswersAndReportsTheNewStatus() {
        when(api.getExtraction(ID)).thenReturn(waiting());
        when(api.answerQuestions(anyString(), any())).thenReturn(new ExtractionStatus.Processing(ID, 40));

        Result result = run("", "questions", "answer", ID, "--choice", "q_1=b");

        assertThat(result.code).isZero();
        verify(api).answerQuestions(ID, List.of(Answer.choice("q_1", "b")));
        assertThat(result.out).contains("answered 1 question(s) of extraction " + ID + "; it is now processing");
    }

    @Test
    void answerRefusesAnExtractionNotWaitingWithoutSendingAnything() {
        when(api.getExtraction(ID)).thenReturn(new ExtractionStatus.Processing(ID, 40));

        Result result = run("", "questions", "answer", ID, "--accept-recommended");

        assertThat(result.code).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err).contains("is not waiting for answers (status processing)").hasLineCount(1);
        verify(api, never()).answerQuestions(anyString(), any());
    }

    @Test
    void anUnknownExtractionIsNotFound() {
        when(api.getExtraction(ID)).thenThrow(new ApiErrorException(Operation.GET_EXTRACTION, 404,
                "EXTRACTION_NOT_FOUND", "No extraction with this id within your scope.", false, null, null));

        Result result = run("", "questions", "answer", ID, "--accept-recommended");

        assertThat(result.code).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err).contains("404 EXTRACTION_NOT_FOUND").hasLineCount(1);
    }

    @Test
    void cancelAsksAndDoesNothingWithoutAYes() {
        Result refused = run("n\n", "extraction", "cancel", ID);

        assertThat(refused.code).isEqualTo(ExitCodes.NOT_CONFIRMED);
        verify(api, never()).cancelExtraction(anyString());

        Result confirmed = run("y\n", "extraction", "cancel", ID);

        assertThat(confirmed.code).as(confirmed.err).isZero();
        verify(api).cancelExtraction(ID);
    }

    @Test
    void withoutAKeyTheApiCommandsSaySoAndNeverPrintAKey() {
        Result result = run(name -> null, "", "extraction", "delete", ID, "--yes");

        assertThat(result.code).isEqualTo(ExitCodes.API_UNAVAILABLE);
        assertThat(result.err).contains("no API key: set INVOICE_DATA_EXTRACTION_API_KEY").hasLineCount(1);
    }

    @Test
    void theKeyIsNeverPrintedEvenWhenTheApiRefusesIt() {
        when(api.getExtraction(ID)).thenThrow(new org.invoicepipeline.client.AuthenticationException(
                Operation.GET_EXTRACTION, "UNAUTHENTICATED", "Missing or invalid API key.", null));

        Result result = run("", "questions", "answer", ID, "--accept-recommended");

        assertThat(result.code).isEqualTo(ExitCodes.API_UNAVAILABLE);
        assertThat(result.out + result.err).doesNotContain(KEY);
    }

    @Test
    void badUsageIsOneLineWithExitCode2() {
        Result result = run("", "dlt", "replay", "--code", "X");

        assertThat(result.code).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err).contains("Missing required option: '--stage=STAGE'", "dlt replay --help")
                .hasLineCount(1);
    }

    @Test
    void everyCommandHasHelp() {
        for (List<String> command : List.of(List.of("trace"), List.of("status"), List.of("dlt", "list"),
                List.of("dlt", "show"), List.of("dlt", "replay"), List.of("questions", "list"),
                List.of("questions", "answer"), List.of("extraction", "cancel"), List.of("extraction", "delete"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Result result = run("", args);
            assertThat(result.code).as(String.join(" ", command)).isZero();
            assertThat(result.out).startsWith("Usage: pipeline-ops " + String.join(" ", command));
        }
    }

    private static ExtractionStatus waiting() {
        return new ExtractionStatus.InputRequired(ID, 30, Instant.parse("2026-07-03T01:30:05Z"), List.of(
                new Question("q_1", "single_choice", "Which total?", null, null,
                        List.of(new QuestionChoice("a", "Total", null, true), new QuestionChoice("b", "Due", null, false)),
                        null, null)));
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String terminal, String... args) {
        return run(name -> ClientOptions.API_KEY_ENV.equals(name) ? KEY : null, terminal, args);
    }

    private Result run(Function<String, String> environment, String terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PipelineOps.run(args, new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(terminal)), environment, Instant::now, options -> api);
        return new Result(code, out.toString(), err.toString());
    }
}
