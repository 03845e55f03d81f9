package org.invoicepipeline.sandbox.extraction;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line-item table: its header names a description, a quantity, a price and an amount (either order of
 * quantity and price); its rows are a description followed by those three numbers. Pure.
 */
record LineItemTable(boolean priceBeforeQuantity) {

    private static final String MONEY = "(?:[£€$]\\s?)?-?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{2}|"
            + "(?:\\d{1,3}(?:\\.\\d{3})+|\\d+),\\d{2})(?:\\s?€)?";
    private static final String QUANTITY = "\\d+(?:[.,]\\d+)?";
    private static final Pattern ROW = Pattern.compile(
            "^(?<desc>\\S.*?)\\s+(?<first>" + MONEY + "|" + QUANTITY + ")\\s+(?<second>" + MONEY + "|" + QUANTITY
                    + ")\\s+(?<amount>" + MONEY + ")(?:\\s+[A-Z]{3})?\\s*$");
    private static final int MAX_ROW_LENGTH = 400;

    // Every line is tried as a header, so the word patterns are compiled once.
    private static final Pattern ITEM_WORD = Pattern.compile(
            "\\b(item|items|details|service|product|omschrijving|beschreibung|bezeichnung|artikel|leistung)\\b");
    private static final List<Pattern> QUANTITY_WORDS = words("qty", "quantity", "hours", "units", "aantal", "menge",
            "anzahl");
    private static final List<Pattern> AMOUNT_WORDS = words("amount", "total", "line total", "net", "bedrag",
            "betrag", "gesamt", "totaal");
    private static final List<Pattern> PRICE_WORDS = words("unit price", "price", "rate", "unit cost", "prijs",
            "stukprijs", "einzelpreis", "preis");

    /** The table a header line opens, or {@code null} when the line is not a line-item header. */
    static LineItemTable ofHeader(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        boolean description = lower.contains("description") || ITEM_WORD.matcher(lower).find();
        int quantity = indexOfWord(lower, QUANTITY_WORDS);
        int amount = indexOfWord(lower, AMOUNT_WORDS);
        int price = indexOfWord(lower, PRICE_WORDS);
        if (!description || quantity < 0 || amount < 0 || price < 0 || AmountText.AMOUNT.matcher(line).find()) {
            return null;
        }
        return new LineItemTable(price < quantity);
    }

    /** The line item on a line of this table, or {@code null} when the line is not a row. */
    RecognizedLineItem row(TextLine line) {
        // Table rows are short; the length guard keeps the backtracking pattern cheap on run-on text.
        if (line.text().length() > MAX_ROW_LENGTH) {
            return null;
        }
        Matcher matcher = ROW.matcher(line.text());
        if (!matcher.matches() || matcher.group("desc").chars().noneMatch(Character::isLetter)) {
            return null;
        }
        String quantity = priceBeforeQuantity ? matcher.group("second") : matcher.group("first");
        String unitPrice = priceBeforeQuantity ? matcher.group("first") : matcher.group("second");
        return new RecognizedLineItem(matcher.group("desc").strip(), AmountText.number(quantity),
                AmountText.number(unitPrice), AmountText.number(matcher.group("amount")), line.page());
    }

    private static List<Pattern> words(String... words) {
        return Arrays.stream(words).map(word -> Pattern.compile("\\b" + Pattern.quote(word) + "\\b")).toList();
    }

    private static int indexOfWord(String lower, List<Pattern> words) {
        int best = -1;
        for (Pattern word : words) {
            Matcher matcher = word.matcher(lower);
            if (matcher.find() && (best < 0 || matcher.start() < best)) {
                best = matcher.start();
            }
        }
        return best;
    }
}
