package org.invoicepipeline.sandbox.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels that introduce invoice fields at the start of a line or column cell, with the spellings
 * recognised in English, Dutch and German. Order matters: the first label whose pattern matches wins, so
 * "Total VAT" is tax, "Payment due" a due date and "Total excl. VAT" the net amount.
 */
enum InvoiceLabel {
    DUE_DATE(false, false, "payment\\s+due\\s+date", "payment\\s+due", "due\\s+date", "date\\s+due", "due\\s+by",
            "due\\s+on", "pay\\s+by", "due", "vervaldatum", "uiterste\\s+betaaldatum", "te\\s+betalen\\s+voor",
            "f[äa]llig(?:keitsdatum|\\s+am|\\s+bis)?", "zahlbar\\s+bis", "zahlungsziel"),
    ISSUE_DATE(false, false, "invoice\\s+date", "date\\s+of\\s+issue", "issue\\s+date", "date\\s+issued",
            "issued\\s+on", "issued(?!\\s+by)", "tax\\s+point(?:\\s+date)?", "billing\\s+date", "invoiced\\s+on",
            "factuurdatum", "rechnungsdatum", "ausstellungsdatum", "datum", "date"),
    INVOICE_NUMBER(false, false, "invoice\\s+number", "invoice\\s+no\\.?", "invoice\\s+#", "invoice\\s+id",
            "invoice\\s+ref(?:erence)?", "inv\\.?\\s+no\\.?", "inv\\s*#", "invoice#", "factuurnummer",
            "factuurnr\\.?", "factuur\\s+nr\\.?", "rechnungsnummer", "rechnungs-?nr\\.?", "rechnung\\s+nr\\.?"),
    VENDOR(false, true, "supplier\\s+name", "supplier", "vendor\\s+name", "vendor", "seller", "sold\\s+by",
            "issued\\s+by", "billed\\s+by", "bill\\s+from", "from", "leverancier", "verk[äa]ufer", "lieferant",
            "rechnungssteller"),
    BUYER(false, true, "bill(?:ed)?\\s+to", "billing\\s+address", "invoice\\s+address", "invoice(?:d)?\\s+to",
            "sold\\s+to", "customer\\s+name", "customer", "buyer", "client", "purchaser", "factuuradres", "klant",
            "rechnungsadresse", "rechnungsempf[äa]nger", "kunde"),
    SHIP_TO(false, true, "ship(?:ped)?\\s+to", "shipping\\s+address", "deliver(?:ed)?\\s+to", "delivery\\s+address",
            "afleveradres", "leveringsadres", "lieferadresse", "lieferanschrift"),
    CURRENCY(false, false, "currency", "valuta", "w[äa]hrung"),
    NET(true, false, "sub[\\s-]?total", "net\\s+total", "net\\s+amount", "total\\s+net",
            "total\\s+\\(?(?:excl\\.?|excluding|before|ex\\.?)\\s*(?:vat|tax|gst)\\)?", "amount\\s+before\\s+tax",
            "subtotaal", "totaal\\s+excl\\.?\\s*btw", "zwischensumme", "nettobetrag", "summe\\s+netto",
            "netto(?:summe)?", "net"),
    TAX(true, false, "total\\s+vat", "total\\s+tax", "vat\\s+amount", "tax\\s+amount", "sales\\s+tax", "vat", "gst",
            "hst", "tax", "btw", "mwst\\.?", "umsatzsteuer", "mehrwertsteuer", "ust\\.?"),
    AMOUNT_DUE(true, false, "amount\\s+due", "balance\\s+due", "amount\\s+payable", "balance\\s+payable",
            "total\\s+payable", "amount\\s+to\\s+pay", "please\\s+pay", "balance", "te\\s+betalen", "zu\\s+zahlen",
            "zahlbetrag", "openstaand\\s+bedrag"),
    TOTAL(true, false, "grand\\s+total", "invoice\\s+total", "total\\s+amount", "total\\s+due",
            "total\\s+\\(?(?:incl\\.?|including|inc\\.?)\\s*(?:vat|tax|gst)\\)?", "total",
            "totaal\\s+incl\\.?\\s*btw", "totaalbedrag", "totaal", "gesamtbetrag", "gesamtsumme", "rechnungsbetrag",
            "endbetrag", "bruttobetrag");

    /** Words after a name label that show the line is about an id, not a name ("Customer No: C-17"). */
    private static final String NOT_A_NAME = "(?!\\s*[:]?\\s*(?:no\\.?|number|id|#|ref|reference|account|vat|tax|code|nr\\.?|nummer)\\b)";

    private final boolean endsTable;
    private final boolean name;
    private final Pattern pattern;

    InvoiceLabel(boolean endsTable, boolean name, String... spellings) {
        this.endsTable = endsTable;
        this.name = name;
        this.pattern = Pattern.compile("^(?<label>(?:" + String.join("|", spellings) + "))(?![\\p{L}\\p{N}])"
                + (name ? NOT_A_NAME : "") + "\\s*(?<separator>[:#.\\-]?)\\s*(?<value>.*)$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A totals label: reaching it ends a line-item table. */
    boolean endsTable() {
        return endsTable;
    }

    /** A party label whose value is a name (possibly on the next line, "Bill To:" then the name). */
    boolean nameOnNextLine() {
        return name;
    }

    /** The label as printed on the line (for messages). */
    String printed(String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.matches() ? matcher.group("label") : line;
    }

    /** The first label introducing the text, with the rest of the text as its value; {@code null} when none. */
    static Match match(String text) {
        for (InvoiceLabel label : values()) {
            Matcher matcher = label.pattern.matcher(text);
            if (matcher.matches()) {
                String value = matcher.group("value").strip();
                // "From 1 March prices change": a one-word party label needs a separator before a name on its line.
                boolean bareWord = label.name && !matcher.group("label").contains(" ")
                        && matcher.group("separator").isEmpty() && !value.isEmpty();
                if (!bareWord) {
                    return new Match(label, matcher.group("label"), value);
                }
            }
        }
        return null;
    }

    /** The text is a label and nothing else ("Ship To:", "Invoice date"). */
    static boolean labelOnly(String text) {
        Match match = match(text);
        return match != null && cutAtNextLabel(match.value()).isEmpty();
    }

    private static final Pattern NEXT_LABEL = Pattern.compile(
            "\\s+(?:invoice\\s+(?:number|no\\.?|date|#)|issue\\s+date|due\\s+date|date|bill(?:ed)?\\s+to|ship\\s+to|"
                    + "customer|supplier|vendor|from|currency|vat\\s+(?:no|number|reg)\\S*|payment\\s+due)\\s*:.*$",
            Pattern.CASE_INSENSITIVE);

    /** Cuts a value where a second "Label:" on the same line starts (two columns merged into one line). */
    static String cutAtNextLabel(String value) {
        return NEXT_LABEL.matcher(value).replaceFirst("").strip();
    }

    record Match(InvoiceLabel label, String printed, String value) {
    }
}
