package org.invoicepipeline.ops.questions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import org.invoicepipeline.ops.OpsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code questions answer}: answers every open question of one extraction through the API. */
@Command(name = "answer", mixinStandardHelpOptions = true,
        description = {"Answer every open question of an extraction waiting for answers; the poll stage then"
                + " carries on by itself.",
                "Example: questions answer 3f2c... --choice q_1=b"})
public class QuestionsAnswerCommand implements Callable<Integer> {

    /** The answer of the command. */
    public record Answered(String extractionId, List<Answer> answers, String statusAfter) {
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXTRACTION_ID", description = "The API's extraction id (questions list shows it).")
    String extractionId;

    @Option(names = "--choice", paramLabel = "Q=C", description = "Answer question Q with choice C (repeatable).")
    Map<String, String> choices = new LinkedHashMap<>();

    @Option(names = "--text", paramLabel = "Q=TEXT", description = "Answer question Q in words (repeatable).")
    Map<String, String> texts = new LinkedHashMap<>();

    @Option(names = "--accept-recommended", description = "Accept the recommendation for every question not"
            + " answered otherwise.")
    boolean acceptRecommended;

    @Override
    public Integer call() {
        if (choices.isEmpty() && texts.isEmpty() && !acceptRecommended) {
            throw new OpsException(ExitCodes.USAGE, "give --choice Q=C, --text Q=TEXT or --accept-recommended");
        }
        OpsContext context = OpsCommand.context(spec);
        InvoiceExtractionClient api = context.api();
        ExtractionStatus status = api.getExtraction(extractionId);
        if (!(status instanceof ExtractionStatus.InputRequired waiting)) {
            throw OpsException.notFound("extraction " + extractionId + " is not waiting for answers (status "
                    + status.state().apiValue() + ")");
        }
        List<Answer> answers = AnswerSpec.answers(waiting.questions(), choices, texts, acceptRecommended);
        ExtractionStatus after = api.answerQuestions(extractionId, answers);
        context.output().emit(new Answered(extractionId, answers, after.state().apiValue()), a ->
                "answered " + a.answers().size() + " question(s) of extraction " + a.extractionId()
                        + "; it is now " + a.statusAfter() + "\n");
        return ExitCodes.OK;
    }
}
