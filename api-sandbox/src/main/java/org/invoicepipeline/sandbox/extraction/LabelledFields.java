package org.invoicepipeline.sandbox.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields read from their label alone: invoice number, issue and due date. The first value that parses is
 * taken; a second, different value for the same field, an ambiguous numeric date or a label printed without a
 * value next to it makes the value doubtful. Pure functions.
 */
final class LabelledFields {

    private static final Pattern INVOICE_NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9\\-/._]*");
    private static final Pattern TRAILING_DOTS = Pattern.compile("[.]+$");

    private LabelledFields() {
    }

    /** A title carrying the number without a number label: "INVOICE 2026-0042", "Rechnung 12345". */
    private static final Pattern TITLE_WITH_NUMBER = Pattern.compile(
            "(?i)^(?:tax\\s+|vat\\s+)?(?:invoice|factuur|rechnung)\\s+(?<number>[A-Za-z]{0,5}[-/]?\\d[A-Za-z0-9\\-/._]*)$");

    static Recognized<String> invoiceNumber(List<LabelledValue> values, List<TextLine> lines) {
        Recognized<String> labelled = first(values, InvoiceLabel.INVOICE_NUMBER, LabelledFields::invoiceNumber,
                "invoice number");
        if (labelled.found()) {
            return labelled;
        }
        for (TextLine line : lines) {
            for (String cell : line.cells()) {
                Matcher title = TITLE_WITH_NUMBER.matcher(cell);
                if (title.matches()) {
                    return Recognized.doubtful(title.group("number"), line.page(), "no invoice-number label is "
                            + "printed; the number was taken from the title \"" + cell + "\"");
                }
            }
        }
        return labelled;
    }

    static Recognized<LocalDate> issueDate(List<LabelledValue> values) {
        return withDateDoubt(first(values, InvoiceLabel.ISSUE_DATE, InvoiceDates::parse, "issue date"), values,
                InvoiceLabel.ISSUE_DATE);
    }

    static Recognized<LocalDate> dueDate(List<LabelledValue> values) {
        return withDateDoubt(first(values, InvoiceLabel.DUE_DATE, InvoiceDates::parse, "due date"), values,
                InvoiceLabel.DUE_DATE);
    }

    /** An invoice number: one token that holds a digit ("INV-2026-0042", "HS/2026/0042", "K-77"). */
    static String invoiceNumber(String value) {
        Matcher matcher = INVOICE_NUMBER.matcher(value);
        if (!matcher.find()) {
            return null;
        }
        String number = TRAILING_DOTS.matcher(matcher.group()).replaceAll("");
        return number.chars().anyMatch(Character::isDigit) ? number : null;
    }

    /**
     * The first labelled value that parses; doubtful when another label of the same kind gives a different
     * value, or when the first such label has no value and the value was found under a later one.
     */
    static <T> Recognized<T> first(List<LabelledValue> values, InvoiceLabel label, Function<String, T> parser,
            String what) {
        T found = null;
        int page = 1;
        String firstPrinted = null;
        boolean emptyLabelFirst = false;
        for (LabelledValue value : values) {
            if (value.label() != label) {
                continue;
            }
            T parsed = value.empty() ? null : parser.apply(value.value());
            if (found == null && parsed == null && value.empty() && firstPrinted == null) {
                emptyLabelFirst = true;
            }
            if (parsed == null) {
                continue;
            }
            if (found == null) {
                found = parsed;
                page = value.page();
                firstPrinted = value.value();
            } else if (!found.equals(parsed)) {
                return Recognized.doubtful(found, page, "the document prints two different " + what + "s (\""
                        + firstPrinted + "\" and \"" + value.value() + "\"); the first was taken");
            }
        }
        if (found != null && emptyLabelFirst) {
            return Recognized.doubtful(found, page, "a \"" + printedOf(values, label)
                    + "\" label is printed without a value; the value was taken from a later line");
        }
        return found == null ? Recognized.none() : Recognized.certain(found, page);
    }

    private static Recognized<LocalDate> withDateDoubt(Recognized<LocalDate> date, List<LabelledValue> values,
            InvoiceLabel label) {
        if (!date.found() || date.doubt() != null) {
            return date;
        }
        for (LabelledValue value : values) {
            InvoiceDates.ParsedDate parsed = value.label() == label ? InvoiceDates.parseDetailed(value.value()) : null;
            if (parsed != null && parsed.date().equals(date.value())) {
                return parsed.ambiguous() ? date.withDoubt("\"" + value.value().toLowerCase(Locale.ROOT)
                        + "\" can be read day first or month first; it was read day first") : date;
            }
        }
        return date;
    }

    private static String printedOf(List<LabelledValue> values, InvoiceLabel label) {
        return values.stream().filter(value -> value.label() == label).map(LabelledValue::printedLabel).findFirst()
                .orElse(label.name());
    }
}
