package org.invoicepipeline.sandbox.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date spellings common on invoices: {@code 2026-01-15}, {@code 2026/01/15}, {@code 15/01/2026},
 * {@code 15.01.2026} and {@code 15-01-2026} (day first unless the second number cannot be a month),
 * {@code 15 Jan 2026}, {@code 15-Jan-2026}, {@code 15th January, 2026}, {@code January 15, 2026}, {@code Jan 15 2026}, and written
 * out in German and Dutch: {@code 3. August 2026}, {@code 3. März 2026}, {@code 3 augustus 2026}. Pure.
 */
final class InvoiceDates {

    private static final String MONTH = "(?<month>jan(?:uary|uar|uari)?|feb(?:ruary|ruar|ruari)?|mar(?:ch)?|m[äa]rz|"
            + "maart|mrt|apr(?:il)?|may|mai|mei|june?|juni|july?|juli|aug(?:ust|ustus)?|sep(?:t(?:ember)?)?|"
            + "oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("\\b(?<y>\\d{4})[-/](?<m>\\d{1,2})[-/](?<d>\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile(
            "\\b(?<a>\\d{1,2})(?<sep>[/.\\-])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(?<d>\\d{1,2})(?:st|nd|rd|th|\\.)?(?:\\s+|-)" + MONTH + "(?:,?\\s+|-)(?<y>\\d{4})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("maa", 3),
            Map.entry("mrt", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("mai", 5), Map.entry("mei", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12));

    private InvoiceDates() {
    }

    /**
     * A date read from text; {@code ambiguous} when it was written {@code a/b/yyyy} with both numbers possible
     * months, which the US and the UK read differently (day first is assumed).
     */
    record ParsedDate(LocalDate date, boolean ambiguous) {
    }

    /** The first date in the text, or {@code null}. */
    static LocalDate parse(String text) {
        ParsedDate parsed = parseDetailed(text);
        return parsed == null ? null : parsed.date();
    }

    /** The first date in the text with whether its reading is ambiguous, or {@code null}. */
    static ParsedDate parseDetailed(String text) {
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            return of(date(iso.group("y"), Integer.parseInt(iso.group("m")), Integer.parseInt(iso.group("d"))), false);
        }
        Matcher dayMonth = DAY_MONTH.matcher(text);
        if (dayMonth.find()) {
            return of(date(dayMonth.group("y"), month(dayMonth.group("month")), Integer.parseInt(dayMonth.group("d"))), false);
        }
        Matcher monthDay = MONTH_DAY.matcher(text);
        if (monthDay.find()) {
            return of(date(monthDay.group("y"), month(monthDay.group("month")), Integer.parseInt(monthDay.group("d"))), false);
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.find()) {
            int a = Integer.parseInt(numeric.group("a"));
            int b = Integer.parseInt(numeric.group("b"));
            boolean monthFirst = b > 12 && a <= 12;
            LocalDate date = monthFirst ? date(numeric.group("y"), a, b) : date(numeric.group("y"), b, a);
            // Dots and dashes are day-first everywhere; a slash with two possible months is read both ways.
            return of(date, "/".equals(numeric.group("sep")) && a <= 12 && b <= 12 && a != b);
        }
        return null;
    }

    private static ParsedDate of(LocalDate date, boolean ambiguous) {
        return date == null ? null : new ParsedDate(date, ambiguous);
    }

    private static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return MONTHS.get(key);
    }

    private static LocalDate date(String year, int month, int day) {
        try {
            return LocalDate.of(Integer.parseInt(year), month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
