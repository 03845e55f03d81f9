package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a prompt asks for: the requested columns in order, and notes on the assumptions made where the
 * prompt left room. A sentence is scanned for field phrases ("invoice number, date, vendor name and total
 * amount"); an object prompt's field names (and, for a bare "Date", its instructions) pick the field.
 */
public record PromptInterpretation(List<RequestedColumn> columns, List<UncertaintyNote> notes) {

    /** The columns used when a sentence names no recognisable field. */
    static final List<InvoiceField> DEFAULT_FIELDS = List.of(InvoiceField.INVOICE_NUMBER, InvoiceField.ISSUE_DATE,
            InvoiceField.VENDOR_NAME, InvoiceField.TOTAL_AMOUNT);

    /** Field phrases; longer phrases are matched first. "amount" is resolved by context (line item or total). */
    private static final Map<String, InvoiceField> PHRASES = new LinkedHashMap<>();
    private static final String GENERIC_DATE = "date";
    private static final String LINE_ITEMS = "line item";
    private static final String AMOUNT = "amount";
    private static final Pattern NOT_A_FIELD_WE_READ = Pattern.compile(
            "\\b(address|email|e-mail|phone|telephone|iban|swift|bic|account|po|purchase order|terms|vat number|"
                    + "vat no|tax id|tax number|registration|sku|discount|shipping|notes?)\\b");
    private static final Pattern NEGATED_DUE = Pattern.compile("\\b(not|never|rather than|instead of|n't)\\b[^.;]*\\bdue\\b");
    private static final Pattern MENTIONS_DUE = Pattern.compile("\\bdue\\b");
    private static final Pattern AMOUNT_WORD = Pattern.compile("\\bamounts?\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Every phrase (with "line item", "date" and "amount") as a whole-word pattern allowing a plural; longest first. */
    private static final Map<String, Pattern> PHRASE_PATTERNS = new LinkedHashMap<>();

    static {
        phrase(InvoiceField.INVOICE_NUMBER, "invoice number", "invoice no", "invoice #", "invoice id",
                "invoice reference", "invoice ref", "reference number");
        phrase(InvoiceField.DUE_DATE, "payment due date", "due date", "payment due", "date due", "due by");
        phrase(InvoiceField.ISSUE_DATE, "invoice date", "issue date", "date of issue", "issued date", "date issued",
                "billing date");
        phrase(InvoiceField.VENDOR_NAME, "vendor name", "vendor", "supplier name", "supplier", "seller", "merchant",
                "issuer", "biller");
        phrase(InvoiceField.BUYER_NAME, "buyer name", "buyer", "customer name", "customer", "client name", "client",
                "bill to", "billed to", "purchaser", "recipient");
        phrase(InvoiceField.CURRENCY, "currency");
        phrase(InvoiceField.NET_AMOUNT, "net amount", "net total", "subtotal", "sub-total", "sub total",
                "amount before tax", "net");
        phrase(InvoiceField.TAX_AMOUNT, "tax amount", "vat amount", "sales tax", "tax", "vat", "gst");
        phrase(InvoiceField.TOTAL_AMOUNT, "total amount", "grand total", "invoice total", "total", "amount due",
                "gross amount", "amount payable");
        phrase(InvoiceField.LINE_DESCRIPTION, "line item description", "line description", "item description",
                "description", "product", "service");
        phrase(InvoiceField.LINE_QUANTITY, "line item quantity", "quantity", "qty", "units");
        phrase(InvoiceField.LINE_UNIT_PRICE, "line item unit price", "unit price", "price per unit", "unit cost",
                "rate", "price");
        phrase(InvoiceField.LINE_AMOUNT, "line item amount", "line item total", "line amount", "line total",
                "item amount", "item total");
        List<String> phrases = new ArrayList<>(PHRASES.keySet());
        phrases.addAll(List.of(LINE_ITEMS, GENERIC_DATE, AMOUNT));
        phrases.sort(Comparator.comparingInt(String::length).reversed());
        for (String phrase : phrases) {
            PHRASE_PATTERNS.put(phrase,
                    Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "s?(?![\\p{L}\\p{N}])"));
        }
    }

    private static void phrase(InvoiceField field, String... phrases) {
        for (String phrase : phrases) {
            PHRASES.put(phrase, field);
        }
    }

    /** Interprets a prompt. */
    public static PromptInterpretation of(ExtractionPrompt prompt) {
        return prompt.isSentence() ? ofSentence(prompt.sentence()) : ofFields(prompt.fields());
    }

    private static PromptInterpretation ofSentence(String sentence) {
        String text = " " + normalise(sentence) + " ";
        boolean[] taken = new boolean[text.length()];
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<String, Pattern> phrase : PHRASE_PATTERNS.entrySet()) {
            Matcher matcher = phrase.getValue().matcher(text);
            while (matcher.find()) {
                if (!anyTaken(taken, matcher.start(), matcher.end())) {
                    markTaken(taken, matcher.start(), matcher.end());
                    hits.add(new Hit(matcher.start(), phrase.getKey()));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::position));
        boolean lineFieldNamed = hits.stream()
                .anyMatch(hit -> PHRASES.containsKey(hit.phrase()) && PHRASES.get(hit.phrase()).lineItem());
        boolean dueDateNamed = hits.stream().anyMatch(hit -> PHRASES.get(hit.phrase()) == InvoiceField.DUE_DATE);
        Set<InvoiceField> fields = EnumSet.noneOf(InvoiceField.class);
        List<RequestedColumn> columns = new ArrayList<>();
        List<UncertaintyNote> notes = new ArrayList<>();
        for (Hit hit : hits) {
            switch (hit.phrase()) {
                case LINE_ITEMS -> {
                    if (!lineFieldNamed) {
                        for (InvoiceField field : List.of(InvoiceField.LINE_DESCRIPTION, InvoiceField.LINE_QUANTITY,
                                InvoiceField.LINE_UNIT_PRICE, InvoiceField.LINE_AMOUNT)) {
                            add(columns, fields, field);
                        }
                    }
                }
                case GENERIC_DATE -> {
                    add(columns, fields, InvoiceField.ISSUE_DATE);
                    if (!dueDateNamed && notes.isEmpty()) {
                        notes.add(whichDateNote("date"));
                    }
                }
                case AMOUNT -> add(columns, fields, lineFieldNamed ? InvoiceField.LINE_AMOUNT : InvoiceField.TOTAL_AMOUNT);
                default -> add(columns, fields, PHRASES.get(hit.phrase()));
            }
        }
        if (columns.isEmpty()) {
            DEFAULT_FIELDS.forEach(field -> add(columns, fields, field));
            notes.add(new UncertaintyNote("Fields to extract",
                    "The prompt does not name any invoice field I recognise, so I extracted the invoice number, "
                            + "invoice date, vendor name and total amount of each invoice.",
                    List.of(new UncertaintyNote.SuggestedPromptAddition("To choose the columns yourself",
                            List.of("Extract invoice number, invoice date, vendor name and total amount")))));
        }
        return new PromptInterpretation(columns, notes);
    }

    private static PromptInterpretation ofFields(List<PromptField> promptFields) {
        List<RequestedColumn> columns = new ArrayList<>();
        List<UncertaintyNote> notes = new ArrayList<>();
        boolean lineFieldNamed = promptFields.stream()
                .map(field -> fieldByPhrase(normalise(field.name())))
                .anyMatch(field -> field != null && field.lineItem());
        List<String> unknown = new ArrayList<>();
        for (PromptField promptField : promptFields) {
            String name = normalise(promptField.name());
            String instructions = normalise(promptField.prompt());
            InvoiceField field;
            if (NOT_A_FIELD_WE_READ.matcher(name).find() && !name.contains("invoice")) {
                field = null;
            } else if (isGenericDate(name)) {
                if (MENTIONS_DUE.matcher(instructions).find() && !NEGATED_DUE.matcher(instructions).find()) {
                    field = InvoiceField.DUE_DATE;
                } else {
                    field = InvoiceField.ISSUE_DATE;
                    if (!instructions.contains("issue") && !NEGATED_DUE.matcher(instructions).find()) {
                        notes.add(whichDateNote(promptField.name()));
                    }
                }
            } else {
                field = fieldByPhrase(name);
                if (field == null && AMOUNT_WORD.matcher(name).find()) {
                    field = lineFieldNamed ? InvoiceField.LINE_AMOUNT : InvoiceField.TOTAL_AMOUNT;
                }
            }
            if (field == null) {
                unknown.add(promptField.name());
            }
            columns.add(new RequestedColumn(promptField.name(), field));
        }
        if (!unknown.isEmpty()) {
            notes.add(new UncertaintyNote("Fields not found on invoices",
                    "I could not match " + String.join(", ", quoted(unknown)) + " to anything printed on the "
                            + "invoices, so the column is left empty and flagged for review.",
                    List.of(new UncertaintyNote.SuggestedPromptAddition("To fill the column",
                            List.of("Describe where the value appears on the invoice, for example the label printed next to it")))));
        }
        return new PromptInterpretation(columns, notes);
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(name -> "\"" + name + "\"").toList();
    }

    private static boolean isGenericDate(String name) {
        return name.equals("date") || name.equals("dates") || name.equals("document date");
    }

    private static InvoiceField fieldByPhrase(String name) {
        String best = null;
        for (String phrase : PHRASES.keySet()) {
            boolean contained = PHRASE_PATTERNS.get(phrase).matcher(name).find();
            if (contained && (best == null || phrase.length() > best.length())) {
                best = phrase;
            }
        }
        return best == null ? null : PHRASES.get(best);
    }

    private static UncertaintyNote whichDateNote(String asked) {
        return new UncertaintyNote("Which date",
                "The prompt asks for \"" + asked + "\" without saying which date; I used the date the invoice was "
                        + "issued, not the payment due date.",
                List.of(new UncertaintyNote.SuggestedPromptAddition("To confirm this handling",
                                List.of("Invoice Date: the date the invoice was issued, NOT the payment due date")),
                        new UncertaintyNote.SuggestedPromptAddition("To extract the due date instead",
                                List.of("Due Date: the payment due date"))));
    }

    private static void add(List<RequestedColumn> columns, Set<InvoiceField> fields, InvoiceField field) {
        if (fields.add(field)) {
            columns.add(new RequestedColumn(field.columnName(), field));
        }
    }

    private static boolean anyTaken(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private static void markTaken(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }

    private static String normalise(String text) {
        return WHITESPACE.matcher(text.toLowerCase(Locale.ROOT).replace('_', ' ')).replaceAll(" ").strip();
    }

    /** Whether any requested column is a line-item field. */
    public boolean asksForLineItems() {
        return columns.stream().anyMatch(column -> column.field() != null && column.field().lineItem());
    }

    private record Hit(int position, String phrase) {
    }
}
