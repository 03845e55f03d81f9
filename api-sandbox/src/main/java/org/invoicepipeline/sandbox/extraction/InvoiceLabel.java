package org.invoicepipeline.sandbox.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels that introduce invoice fields at the start of a line, with the spellings recognised. Order
 * matters: the first label whose pattern matches wins, so "Total VAT" is tax and "Payment due" a due date.
 */
enum InvoiceLabel {
    DUE_DATE(false, false, "payment\\s+due\\s+date", "payment\\s+due", "due\\s+date", "date\\s+due", "due\\s+by",
            "due\\s+on", "pay\\s+by", "due"),
    ISSUE_DATE(false, false, "invoice\\s+date", "date\\s+of\\s+issue", "issue\\s+date", "date\\s+issued",
            "issued\\s+on", "issued(?!\\s+by)", "tax\\s+point(?:\\s+date)?", "billing\\s+date", "invoiced\\s+on", "date"),
    INVOICE_NUMBER(false, false, "invoice\\s+number", "invoice\\s+no\\.?", "invoice\\s+#", "invoice\\s+id",
            "invoice\\s+ref(?:erence)?", "inv\\.?\\s+no\\.?", "inv\\s*#", "invoice#"),
    VENDOR(false, true, "supplier\\s+name", "supplier", "vendor\\s+name", "vendor", "seller", "sold\\s+by",
            "issued\\s+by", "billed\\s+by", "bill\\s+from", "from"),
    BUYER(false, true, "bill(?:ed)?\\s+to", "invoice(?:d)?\\s+to", "sold\\s+to", "customer\\s+name", "customer",
            "buyer", "client", "purchaser"),
    CURRENCY(false, false, "currency"),
    NET(true, false, "sub[\\s-]?total", "net\\s+total", "net\\s+amount", "total\\s+net", "total\\s+(?:excl\\.?|excluding|before|ex\\.?)\\s*(?:vat|tax|gst)",
            "amount\\s+before\\s+tax", "net"),
    TAX(true, false, "total\\s+vat", "total\\s+tax", "vat\\s+amount", "tax\\s+amount", "sales\\s+tax", "vat", "gst",
            "hst", "tax"),
    AMOUNT_DUE(true, false, "amount\\s+due", "balance\\s+due", "amount\\s+payable", "balance\\s+payable",
            "total\\s+payable", "amount\\s+to\\s+pay", "please\\s+pay", "balance"),
    TOTAL(true, false, "grand\\s+total", "invoice\\s+total", "total\\s+amount", "total\\s+due",
            "total\\s+\\(?(?:incl\\.?|including|inc\\.?)\\s*(?:vat|tax|gst)\\)?", "total");

    /** Words after a name label that show the line is about an id, not a name ("Customer No: C-17"). */
    private static final String NOT_A_NAME = "(?!\\s*[:]?\\s*(?:no\\.?|number|id|#|ref|reference|account|vat|tax|code)\\b)";

    private final boolean endsTable;
    private final boolean nameOnNextLine;
    private final Pattern pattern;

    InvoiceLabel(boolean endsTable, boolean name, String... spellings) {
        this.endsTable = endsTable;
        this.nameOnNextLine = name;
        this.pattern = Pattern.compile("^(?<label>(?:" + String.join("|", spellings) + "))(?![\\p{L}\\p{N}])"
                + (name ? NOT_A_NAME : "") + "\\s*[:#.\\-]?\\s*(?<value>.*)$", Pattern.CASE_INSENSITIVE);
    }

    /** A totals label: reaching it ends a line-item table. */
    boolean endsTable() {
        return endsTable;
    }

    /** A name label that may stand alone with the name on the next line ("Bill To:" then the name). */
    boolean nameOnNextLine() {
        return nameOnNextLine;
    }

    /** The label as printed on the line (for messages). */
    String printed(String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.matches() ? matcher.group("label") : line;
    }

    /** The first label introducing the line, with the rest of the line as its value; {@code null} when none. */
    static Match match(String line) {
        for (InvoiceLabel label : values()) {
            Matcher matcher = label.pattern.matcher(line);
            if (matcher.matches()) {
                return new Match(label, matcher.group("value").strip());
            }
        }
        return null;
    }

    private static final Pattern NEXT_LABEL = Pattern.compile(
            "\\s+(?:invoice\\s+(?:number|no\\.?|date|#)|issue\\s+date|due\\s+date|date|bill(?:ed)?\\s+to|customer|"
                    + "supplier|vendor|from|currency|vat\\s+(?:no|number|reg)\\S*|payment\\s+due)\\s*:.*$",
            Pattern.CASE_INSENSITIVE);

    /** Cuts a value where a second "Label:" on the same line starts (two columns merged into one line). */
    static String cutAtNextLabel(String value) {
        return NEXT_LABEL.matcher(value).replaceFirst("").strip();
    }

    record Match(InvoiceLabel label, String value) {
    }
}
