package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts as invoices print them: 2 decimals with a decimal point and comma thousands ({@code 1,234.50}) or a
 * decimal comma and point thousands ({@code 1.234,50}, Dutch and German invoices). A date such as
 * {@code 03.08.2026} or a percentage is not an amount. Pure functions.
 */
final class AmountText {

    private static final String POINT_DECIMAL = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{2}";
    private static final String COMMA_DECIMAL = "(?:\\d{1,3}(?:\\.\\d{3})+|\\d+),\\d{2}";
    /** One amount; the guards keep it from starting or ending inside a longer number, date or percentage. */
    static final String AMOUNT_REGEX = "(?<![\\d.,])-?(?:" + POINT_DECIMAL + "|" + COMMA_DECIMAL + ")(?![\\d%]|[.,]\\d)";
    static final Pattern AMOUNT = Pattern.compile(AMOUNT_REGEX);
    private static final Pattern NUMBER = Pattern.compile(
            "-?(?:" + COMMA_DECIMAL + "(?![\\d%]|[.,]\\d)|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)");

    private AmountText() {
    }

    /** The last 2-decimal amount in a text that is not a percentage, or {@code null}. */
    static BigDecimal lastAmount(String text) {
        Matcher matcher = AMOUNT.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return last == null ? null : parse(last);
    }

    /** The first number in a text (a quantity or a price), or {@code null}. */
    static BigDecimal number(String text) {
        Matcher matcher = NUMBER.matcher(text);
        return matcher.find() ? parse(matcher.group()) : null;
    }

    /** A printed amount or number as a decimal, either notation. */
    static BigDecimal parse(String printed) {
        int comma = printed.lastIndexOf(',');
        boolean commaDecimal = comma >= 0 && comma > printed.lastIndexOf('.') && printed.length() - comma == 3;
        String plain = commaDecimal ? printed.replace(".", "").replace(',', '.') : printed.replace(",", "");
        return new BigDecimal(plain);
    }
}
