package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.document.ReadPage;

/**
 * Recognises invoice fields in a document's text layer. Stateless and thread-safe.
 *
 * <p>Fields are read from labelled lines ("Invoice No.: X", "Date of issue 15 Jan 2026", "Grand Total: £1,480.80",
 * see {@link InvoiceLabel} for the spellings), line items from a table whose header names a description, a
 * quantity and an amount. A labelled value that does not parse (a "Date" line without a date, a "VAT" line
 * without a 2-decimal amount) is skipped and the search goes on. The vendor falls back to the first line of
 * the document that is not a label or an "Invoice" title.
 */
public final class InvoiceFieldRecognizer {

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\d.,])-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{2}(?![\\d%])");
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final String MONEY = "[£€$]?\\s?-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{2}";
    private static final Pattern LINE_ITEM_ROW = Pattern.compile(
            "^(?<desc>\\S.*?)\\s+(?<first>" + MONEY + "|\\d+(?:\\.\\d+)?)\\s+(?<second>" + MONEY
                    + "|\\d+(?:\\.\\d+)?)\\s+(?<amount>" + MONEY + ")(?:\\s+[A-Z]{3})?\\s*$");
    private static final int MAX_ROW_LENGTH = 400;
    private static final Pattern INVOICE_NUMBER_VALUE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9\\-/._]*");
    private static final Pattern CURRENCY_CODE = Pattern.compile(
            "\\b(GBP|EUR|USD|CHF|CAD|AUD|NZD|JPY|SEK|NOK|DKK|PLN|CZK|INR|ZAR|SGD|HKD)\\b");
    private static final Pattern INVOICE_TITLE = Pattern.compile(
            "(?i)\\s*\\b(?:tax\\s+|vat\\s+|commercial\\s+)?invoice\\b\\s*");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern TRAILING_DOTS = Pattern.compile("[.]+$");

    /** Recognises fields in text whose pages are separated by form feeds ({@code \f}). */
    public RecognizedInvoice recognize(String text) {
        return recognize(List.of(text.split("\f", -1)));
    }

    /** Recognises fields in the given page texts; page {@code i} of the list is page {@code i + 1}. */
    public RecognizedInvoice recognize(List<String> pageTexts) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < pageTexts.size(); i++) {
            addLines(lines, pageTexts.get(i), i + 1);
        }
        return recognizeLines(lines);
    }

    /** Recognises fields in the successful pages of a read document (their page numbers are kept). */
    public RecognizedInvoice recognize(ReadDocument document) {
        List<Line> lines = new ArrayList<>();
        for (ReadPage page : document.successfulPages()) {
            addLines(lines, page.text(), page.number());
        }
        return recognizeLines(lines);
    }

    private static void addLines(List<Line> lines, String pageText, int page) {
        for (String raw : LINE_BREAK.split(pageText)) {
            String text = BLANKS.matcher(raw.replace('\u00A0', ' ')).replaceAll(" ").strip();
            if (!text.isEmpty()) {
                lines.add(new Line(text, page));
            }
        }
    }

    private RecognizedInvoice recognizeLines(List<Line> lines) {
        Builder found = new Builder();
        TableColumns table = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            TableColumns header = TableColumns.ofHeader(line.text());
            if (header != null) {
                table = header;
                continue;
            }
            if (table != null) {
                RecognizedLineItem item = table.row(line);
                if (item != null) {
                    found.lineItems.add(item);
                    continue;
                }
            }
            InvoiceLabel.Match match = InvoiceLabel.match(line.text());
            if (match == null) {
                continue;
            }
            if (match.label().endsTable()) {
                table = null;
            }
            String value = InvoiceLabel.cutAtNextLabel(match.value());
            if (value.isEmpty() && match.label().nameOnNextLine()) {
                value = nextPlainLine(lines, i);
            }
            found.accept(match.label(), value, line);
        }
        if (found.vendorName == null) {
            found.vendorName = vendorFromHeading(lines);
            if (found.vendorName != null) {
                found.pages.put(InvoiceField.VENDOR_NAME, 1);
            }
        }
        if (found.currency == null) {
            found.currency = currencyFromAmounts(lines);
        }
        return found.build();
    }

    private static String nextPlainLine(List<Line> lines, int index) {
        if (index + 1 < lines.size()) {
            Line next = lines.get(index + 1);
            if (next.page() == lines.get(index).page() && InvoiceLabel.match(next.text()) == null) {
                return InvoiceLabel.cutAtNextLabel(next.text());
            }
        }
        return "";
    }

    private static String vendorFromHeading(List<Line> lines) {
        for (Line line : lines) {
            if (line.page() != lines.get(0).page()) {
                return null;
            }
            String text = INVOICE_TITLE.matcher(line.text()).replaceAll(" ").strip();
            if (text.isEmpty() || InvoiceLabel.match(line.text()) != null) {
                continue;
            }
            if (text.chars().anyMatch(Character::isLetter)) {
                return text;
            }
        }
        return null;
    }

    private static String currencyFromAmounts(List<Line> lines) {
        for (Line line : lines) {
            Matcher code = CURRENCY_CODE.matcher(line.text());
            if (code.find()) {
                return code.group(1);
            }
        }
        for (Line line : lines) {
            String text = line.text();
            if (text.indexOf('£') >= 0) {
                return "GBP";
            }
            if (text.indexOf('€') >= 0) {
                return "EUR";
            }
            if (text.indexOf('$') >= 0) {
                return "USD";
            }
        }
        return null;
    }

    /** The last 2-decimal amount in a text that is not a percentage, or {@code null}. */
    static BigDecimal lastAmount(String text) {
        Matcher matcher = AMOUNT.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return last == null ? null : new BigDecimal(last.replace(",", ""));
    }

    static BigDecimal number(String text) {
        Matcher matcher = NUMBER.matcher(text);
        return matcher.find() ? new BigDecimal(matcher.group().replace(",", "")) : null;
    }

    private record Line(String text, int page) {
    }

    /** Where quantity and unit price sit in a line-item table, from its header. */
    private record TableColumns(boolean priceBeforeQuantity) {

        // Every line is tried as a header, so the word patterns are compiled once.
        private static final Pattern ITEM_WORD = Pattern.compile("\\b(item|items|details|service|product)\\b");
        private static final List<Pattern> QUANTITY_WORDS = words("qty", "quantity", "hours", "units");
        private static final List<Pattern> AMOUNT_WORDS = words("amount", "total", "line total", "net");
        private static final List<Pattern> PRICE_WORDS = words("unit price", "price", "rate", "unit cost");

        static TableColumns ofHeader(String line) {
            String lower = line.toLowerCase(Locale.ROOT);
            boolean description = lower.contains("description") || ITEM_WORD.matcher(lower).find();
            int quantity = indexOfWord(lower, QUANTITY_WORDS);
            int amount = indexOfWord(lower, AMOUNT_WORDS);
            int price = indexOfWord(lower, PRICE_WORDS);
            if (!description || quantity < 0 || amount < 0 || price < 0 || AMOUNT.matcher(line).find()) {
                return null;
            }
            return new TableColumns(price < quantity);
        }

        RecognizedLineItem row(Line line) {
            // Table rows are short; the length guard keeps the backtracking pattern cheap on run-on text.
            if (line.text().length() > MAX_ROW_LENGTH) {
                return null;
            }
            Matcher matcher = LINE_ITEM_ROW.matcher(line.text());
            if (!matcher.matches() || matcher.group("desc").chars().noneMatch(Character::isLetter)) {
                return null;
            }
            String quantity = priceBeforeQuantity ? matcher.group("second") : matcher.group("first");
            String unitPrice = priceBeforeQuantity ? matcher.group("first") : matcher.group("second");
            return new RecognizedLineItem(matcher.group("desc").strip(), number(quantity), number(unitPrice),
                    number(matcher.group("amount")), line.page());
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

    /** Collects the first value found for each field. */
    private static final class Builder {
        private String invoiceNumber;
        private LocalDate issueDate;
        private LocalDate dueDate;
        private String vendorName;
        private String buyerName;
        private String currency;
        private BigDecimal netAmount;
        private BigDecimal taxAmount;
        private final List<AmountCandidate> totals = new ArrayList<>();
        private final List<RecognizedLineItem> lineItems = new ArrayList<>();
        private final Map<InvoiceField, Integer> pages = new EnumMap<>(InvoiceField.class);

        void accept(InvoiceLabel label, String value, Line line) {
            switch (label) {
                case INVOICE_NUMBER -> {
                    Matcher matcher = INVOICE_NUMBER_VALUE.matcher(value);
                    if (invoiceNumber == null && matcher.find()) {
                        invoiceNumber = TRAILING_DOTS.matcher(matcher.group()).replaceAll("");
                        pages.put(InvoiceField.INVOICE_NUMBER, line.page());
                    }
                }
                case ISSUE_DATE -> {
                    LocalDate date = InvoiceDates.parse(value);
                    if (issueDate == null && date != null) {
                        issueDate = date;
                        pages.put(InvoiceField.ISSUE_DATE, line.page());
                    }
                }
                case DUE_DATE -> {
                    LocalDate date = InvoiceDates.parse(value);
                    if (dueDate == null && date != null) {
                        dueDate = date;
                        pages.put(InvoiceField.DUE_DATE, line.page());
                    }
                }
                case VENDOR -> {
                    if (vendorName == null && !value.isEmpty()) {
                        vendorName = value;
                        pages.put(InvoiceField.VENDOR_NAME, line.page());
                    }
                }
                case BUYER -> {
                    if (buyerName == null && !value.isEmpty()) {
                        buyerName = value;
                        pages.put(InvoiceField.BUYER_NAME, line.page());
                    }
                }
                case CURRENCY -> {
                    Matcher code = CURRENCY_CODE.matcher(value.toUpperCase(Locale.ROOT));
                    if (currency == null && code.find()) {
                        currency = code.group(1);
                        pages.put(InvoiceField.CURRENCY, line.page());
                    }
                }
                case NET -> {
                    BigDecimal amount = lastAmount(value);
                    if (netAmount == null && amount != null) {
                        netAmount = amount;
                        pages.put(InvoiceField.NET_AMOUNT, line.page());
                    }
                }
                case TAX -> {
                    BigDecimal amount = lastAmount(value);
                    if (taxAmount == null && amount != null) {
                        taxAmount = amount;
                        pages.put(InvoiceField.TAX_AMOUNT, line.page());
                    }
                }
                case TOTAL, AMOUNT_DUE -> {
                    BigDecimal amount = lastAmount(value);
                    if (amount != null) {
                        totals.add(new AmountCandidate(label.printed(line.text()), amount, line.page(),
                                label == InvoiceLabel.AMOUNT_DUE));
                        pages.putIfAbsent(InvoiceField.TOTAL_AMOUNT, line.page());
                    }
                }
            }
        }

        RecognizedInvoice build() {
            return new RecognizedInvoice(invoiceNumber, issueDate, dueDate, vendorName, buyerName, currency,
                    netAmount, taxAmount, totals, lineItems, pages);
        }
    }
}
