package org.invoicepipeline.ops.questions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.events.AnswerChoice;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.OpenQuestion;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import org.invoicepipeline.ops.OpsException;
import org.invoicepipeline.ops.TimeBound;
import org.invoicepipeline.ops.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code questions list}: the latest set of open questions per extraction from {@code extraction-questions}, with
 * the extraction's live status from the API (only those still waiting, unless {@code --all}).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The open questions of extractions waiting for answers, as the poll stage published them,"
                + " checked against the API (only those still input_required, unless --all).")
public class QuestionsListCommand implements Callable<Integer> {

    /** The answer. */
    public record Listing(List<Asked> extractions) {
    }

    /** One extraction's open questions. */
    public record Asked(String extractionId, String submissionId, String liveStatus, Instant answerBy,
                        boolean autoAcceptRecommended, List<String> fileIds, List<Question> questions) {
    }

    /** One question, with its choices ({@code a*} marks the recommended one). */
    public record Question(String questionId, String type, String question, String example, List<String> choices,
                           String recommendedApproach, boolean previousAnswerRejected) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "SPAN|INSTANT", defaultValue = "3d", converter = TimeBound.Converter.class,
            description = "Read questions published since then (default: ${DEFAULT-VALUE}).")
    TimeBound since;

    @Option(names = "--all", description = "Also extractions no longer waiting (answered, cancelled, completed).")
    boolean all;

    @Override
    public Integer call() {
        OpsContext context = OpsCommand.context(spec);
        String topic = context.topology().topic(EventType.EXTRACTION_QUESTIONS_ASKED);
        Map<String, ExtractionQuestionsAsked> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : context.scanner().scan(List.of(topic), since.resolve(context.now()))) {
            ExtractionQuestionsAsked asked = context.codec().decodeOrNull(EventType.EXTRACTION_QUESTIONS_ASKED, topic,
                    record.headers(), record.value());
            if (asked != null) {
                latest.merge(asked.getExtractionId(), asked,
                        (a, b) -> b.getAskedAt().isBefore(a.getAskedAt()) ? a : b);
            }
        }
        List<Asked> listed = new ArrayList<>();
        for (ExtractionQuestionsAsked asked : latest.values()) {
            String live = context.apiConfigured()
                    ? context.api().getExtraction(asked.getExtractionId()).state().apiValue() : null;
            if (all || live == null || live.equals("input_required")) {
                listed.add(asked(asked, live));
            }
        }
        if (listed.isEmpty()) {
            throw OpsException.notFound("no extraction is waiting for answers (questions published since "
                    + since.resolve(context.now()) + ")");
        }
        context.output().emit(new Listing(listed), QuestionsListCommand::human);
        return ExitCodes.OK;
    }

    static Asked asked(ExtractionQuestionsAsked asked, String liveStatus) {
        List<Question> questions = new ArrayList<>();
        for (OpenQuestion q : asked.getQuestions()) {
            List<String> choices = new ArrayList<>();
            for (AnswerChoice c : q.getChoices()) {
                choices.add(c.getChoiceId() + (c.getRecommended() ? "*" : "") + ") " + c.getLabel()
                        + (c.getCellWouldContain() == null ? "" : " -> " + c.getCellWouldContain()));
            }
            questions.add(new Question(q.getQuestionId(), q.getType().name(), q.getQuestion(),
                    q.getExampleFromDocuments(), choices, q.getRecommendedApproach(), q.getPreviousAnswerRejected()));
        }
        return new Asked(asked.getExtractionId(), asked.getSubmissionId(), liveStatus, asked.getAnswerBy(),
                asked.getAutoAcceptRecommended(), asked.getFiles().stream().map(FileRef::getFileId).toList(), questions);
    }

    static String human(Listing listing) {
        StringBuilder text = new StringBuilder();
        for (Asked a : listing.extractions()) {
            text.append("extraction ").append(a.extractionId()).append(" (").append(a.liveStatus() == null
                    ? "status not checked: no API key" : a.liveStatus()).append("), answer by ").append(a.answerBy())
                    .append(a.autoAcceptRecommended() ? ", answered automatically (accept-recommended)" : "")
                    .append("\n  files: ").append(String.join(", ", a.fileIds())).append('\n');
            Table table = Table.of("  QUESTION", "TYPE", "TEXT", "CHOICES (* recommended)");
            a.questions().forEach(q -> table.row("  " + q.questionId(), q.type(),
                    q.question() + (q.example() == null ? "" : " e.g. " + q.example())
                            + (q.previousAnswerRejected() ? " [previous answer rejected]" : ""),
                    q.choices().isEmpty() ? "recommended: " + q.recommendedApproach() : String.join(" | ", q.choices())));
            text.append(table.render()).append('\n');
        }
        return text.toString();
    }
}
