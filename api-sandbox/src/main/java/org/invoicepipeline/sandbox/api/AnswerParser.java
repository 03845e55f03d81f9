package org.invoicepipeline.sandbox.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.invoicepipeline.sandbox.extraction.Answer;
import org.invoicepipeline.sandbox.extraction.Question;
import org.invoicepipeline.sandbox.validation.Issues;
import org.invoicepipeline.sandbox.validation.JsonPath;
import org.invoicepipeline.sandbox.validation.SchemaChecks;

/**
 * Validates an {@code AnswerQuestionsRequest} against its schema and against the questions the
 * extraction asked: a request that could never be right is refused whole.
 */
final class AnswerParser {

    private static final Set<String> ANSWER_FIELDS = Set.of("question_id", "choice_id", "text", "accept_recommended");

    private AnswerParser() {
    }

    static List<Answer> parse(JsonNode body, Map<String, Question> asked) {
        Issues issues = new Issues();
        SchemaChecks.object(issues, body, JsonPath.ROOT, Set.of("answers"), "answers");
        List<Answer> answers = new ArrayList<>();
        JsonNode list = body.get("answers");
        JsonPath listPath = JsonPath.ROOT.child("answers");
        if (list != null && SchemaChecks.array(issues, list, listPath, 1, 15)) {
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Answer answer = answer(issues, list.get(i), listPath.child(i), asked, answered);
                if (answer != null) {
                    answers.add(answer);
                }
            }
        }
        issues.throwIfAny();
        return answers;
    }

    private static Answer answer(Issues issues, JsonNode node, JsonPath path, Map<String, Question> asked,
                                 Set<String> answered) {
        if (!SchemaChecks.object(issues, node, path, ANSWER_FIELDS, "question_id")) {
            return null;
        }
        if (!node.has("question_id") || !SchemaChecks.string(issues, node.get("question_id"), path.child("question_id"), 1, 200)) {
            return null;
        }
        String questionId = node.get("question_id").asText();
        Question question = asked.get(questionId);
        if (question == null) {
            issues.add("This extraction never asked question " + questionId + ".", path.child("question_id").toArray());
            return null;
        }
        if (!answered.add(questionId)) {
            issues.add("Question " + questionId + " is answered more than once in this request.",
                    path.child("question_id").toArray());
            return null;
        }
        boolean hasChoice = node.has("choice_id");
        boolean hasText = node.has("text");
        boolean accept = node.has("accept_recommended");
        if (accept && (hasChoice || hasText)) {
            issues.add("accept_recommended cannot be sent with choice_id or text.", path.toArray());
            return null;
        }
        if (!accept && !hasChoice && !hasText) {
            issues.add("An answer needs a choice_id, text or accept_recommended: true.", path.toArray());
            return null;
        }
        if (accept) {
            if (!node.get("accept_recommended").isBoolean() || !node.get("accept_recommended").asBoolean()) {
                issues.add("accept_recommended must be true.", path.child("accept_recommended").toArray());
                return null;
            }
            return Answer.acceptRecommended(questionId);
        }
        String choice = null;
        if (hasChoice) {
            JsonNode choiceNode = node.get("choice_id");
            if (!choiceNode.isTextual() || !question.offers(choiceNode.asText())) {
                issues.add("Question " + questionId + " does not offer this choice_id.", path.child("choice_id").toArray());
                return null;
            }
            choice = choiceNode.asText();
        }
        String text = null;
        if (hasText) {
            if (!SchemaChecks.string(issues, node.get("text"), path.child("text"), 1, 1000)) {
                return null;
            }
            text = node.get("text").asText();
        }
        return new Answer(questionId, choice, text, false);
    }
}
