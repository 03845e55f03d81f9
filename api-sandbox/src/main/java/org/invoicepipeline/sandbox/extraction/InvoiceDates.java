package org.invoicepipeline.sandbox.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date spellings common on invoices: {@code 2026-01-15}, {@code 2026/01/15}, {@code 15/01/2026}
 * and {@code 15.01.2026} (day first unless the second number cannot be a month), {@code 15 Jan 2026},
 * {@code 15th January, 2026}, {@code January 15, 2026} and {@code Jan 15 2026}.
 */
final class InvoiceDates {

    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            + "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("\\b(?<y>\\d{4})[-/](?<m>\\d{1,2})[-/](?<d>\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(?<a>\\d{1,2})[/.\\-](?<b>\\d{1,2})[/.\\-](?<y>\\d{4})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(?<y>\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private InvoiceDates() {
    }

    /** The first date in the text, or {@code null}. */
    static LocalDate parse(String text) {
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            return date(iso.group("y"), iso.group("m"), iso.group("d"));
        }
        Matcher dayMonth = DAY_MONTH.matcher(text);
        if (dayMonth.find()) {
            return date(dayMonth.group("y"), month(dayMonth.group("month")), dayMonth.group("d"));
        }
        Matcher monthDay = MONTH_DAY.matcher(text);
        if (monthDay.find()) {
            return date(monthDay.group("y"), month(monthDay.group("month")), monthDay.group("d"));
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.find()) {
            int a = Integer.parseInt(numeric.group("a"));
            int b = Integer.parseInt(numeric.group("b"));
            boolean monthFirst = b > 12 && a <= 12;
            return monthFirst ? date(numeric.group("y"), a, b) : date(numeric.group("y"), b, a);
        }
        return null;
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static LocalDate date(String year, String month, String day) {
        return date(year, Integer.parseInt(month), Integer.parseInt(day));
    }

    private static LocalDate date(String year, int month, String day) {
        return date(year, month, Integer.parseInt(day));
    }

    private static LocalDate date(String year, int month, int day) {
        try {
            return LocalDate.of(Integer.parseInt(year), month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
