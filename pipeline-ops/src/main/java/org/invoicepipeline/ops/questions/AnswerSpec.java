package org.invoicepipeline.ops.questions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.Question;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsException;

/**
 * The answers an operator gave on the command line, checked against the open questions before anything is sent:
 * each open question answered exactly once (by choice, text, or the recommendation), no unknown question, no choice
 * not offered. A pure function, so the rules are table-tested.
 */
public final class AnswerSpec {

    private AnswerSpec() {
    }

    public static List<Answer> answers(List<Question> open, Map<String, String> choices, Map<String, String> texts,
                                       boolean acceptRecommended) {
        Set<String> openIds = new LinkedHashSet<>();
        open.forEach(q -> openIds.add(q.questionId()));
        for (String id : union(choices.keySet(), texts.keySet())) {
            if (!openIds.contains(id)) {
                throw new OpsException(ExitCodes.USAGE, "question " + id + " is not open (open: "
                        + String.join(", ", openIds) + ")");
            }
            if (choices.containsKey(id) && texts.containsKey(id)) {
                throw new OpsException(ExitCodes.USAGE, "question " + id + " answered twice (--choice and --text)");
            }
        }
        List<Answer> answers = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (Question question : open) {
            String id = question.questionId();
            if (choices.containsKey(id)) {
                String choice = choices.get(id);
                if (question.choices() == null || question.choices().stream().noneMatch(c -> c.choiceId().equals(choice))) {
                    throw new OpsException(ExitCodes.USAGE, "question " + id + " offers no choice '" + choice + "'");
                }
                answers.add(Answer.choice(id, choice));
            }
            else if (texts.containsKey(id)) {
                answers.add(Answer.text(id, texts.get(id)));
            }
            else if (acceptRecommended) {
                answers.add(Answer.acceptRecommended(id));
            }
            else {
                unanswered.add(id);
            }
        }
        if (!unanswered.isEmpty()) {
            throw new OpsException(ExitCodes.USAGE, "every open question must be answered; not answered: "
                    + String.join(", ", unanswered) + " (use --choice, --text or --accept-recommended)");
        }
        return answers;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
