package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question asked when an invoice shows a total and a different amount due (a deposit or credit was
 * taken off): which of the two fills the total column. Choice {@code a} (the invoice total) is recommended.
 */
final class TotalQuestion {

    /** Stable id: the same documents and spec always ask this question under this id. */
    static final String ID = "q_1";
    static final String INVOICE_TOTAL = "a";
    static final String AMOUNT_DUE = "b";

    private static final Pattern MEANS_AMOUNT_DUE = Pattern.compile(
            "\\b(due|balance|payable|outstanding|owed|owing|after|remaining|to pay|net of)\\b");
    private static final Pattern MEANS_TOTAL = Pattern.compile("\\b(total|gross|full|before|whole|grand)\\b");

    private TotalQuestion() {
    }

    static Question ask(String column, String fileName, RecognizedInvoice example) {
        AmountCandidate total = example.invoiceTotalCandidate().orElseThrow();
        AmountCandidate due = example.amountDueCandidate().orElseThrow();
        return new Question(ID, Question.SINGLE_CHOICE,
                "Which amount should fill the \"" + column + "\" column when an invoice shows both a total and a "
                        + "different amount due?",
                fileName + " shows \"" + total.label() + " " + total.amount().toPlainString() + "\" and \""
                        + due.label() + " " + due.amount().toPlainString() + "\".",
                Question.Scope.extraction(),
                List.of(new QuestionChoice(INVOICE_TOTAL, "Use the invoice total", total.amount().toPlainString(), true),
                        new QuestionChoice(AMOUNT_DUE, "Use the amount due after deposits and credits",
                                due.amount().toPlainString(), null)),
                null);
    }

    /**
     * Whether the answers settle the question to the amount due ({@code true}), the invoice total
     * ({@code false}); empty when not answered. The last answer to the question counts; words that do not
     * clearly pick one are applied as the recommendation; where words name both, the
     * first named is meant.
     */
    static Optional<Boolean> useAmountDue(List<Answer> answers) {
        Answer answer = null;
        for (Answer candidate : answers) {
            if (ID.equals(candidate.questionId())) {
                answer = candidate;
            }
        }
        if (answer == null) {
            return Optional.empty();
        }
        if (answer.choiceId() != null) {
            return Optional.of(AMOUNT_DUE.equals(answer.choiceId()));
        }
        if (answer.text() != null && !answer.acceptRecommended()) {
            String text = answer.text().toLowerCase(Locale.ROOT);
            // The option named first is the one meant ("the amount due, not the total").
            int due = firstIndex(MEANS_AMOUNT_DUE, text);
            int total = firstIndex(MEANS_TOTAL, text);
            return Optional.of(due >= 0 && (total < 0 || due < total));
        }
        return Optional.of(false);
    }

    private static int firstIndex(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }

    static BigDecimal chosen(RecognizedInvoice invoice, boolean useAmountDue) {
        if (useAmountDue) {
            return invoice.amountDue().orElse(invoice.totalAmount());
        }
        return invoice.totalAmount();
    }
}
