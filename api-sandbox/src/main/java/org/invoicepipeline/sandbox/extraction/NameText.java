package org.invoicepipeline.sandbox.extraction;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a company or person name from the other short texts near it on an invoice: headings ("PAYMENT
 * RECEIPT", "Factuuradres Afleveradres"), label-only lines ("Address:", "Ship To:"), address lines, contact
 * details, dates and amounts. Pure functions.
 */
final class NameText {

    /** Words that make up headings and block titles, never a party's name. */
    private static final Set<String> HEADING_WORDS = Set.of("invoice", "tax", "vat", "receipt", "payment", "paid",
            "factuur", "rechnung", "quittung", "zahlungsbeleg", "factuuradres", "afleveradres", "rechnungsadresse",
            "lieferadresse", "address", "adres", "adresse", "addresses", "bill", "billing", "billed", "ship",
            "shipping", "to", "delivery", "deliver", "statement", "credit", "note", "original", "copy", "duplicate",
            "page", "of", "details", "customer", "supplier", "sold", "remit", "remittance", "summary", "order",
            "quote", "proforma", "pro-forma", "commercial", "and", "the", "from", "for", "your", "our", "information",
            "contact", "klant", "kunde", "gegevens", "angaben", "total", "totals", "description", "items", "services",
            "minutes", "meeting", "agenda", "notes", "thank", "you", "business", "confirmation", "account");
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "(?i)(?:^|\\s)(ltd\\.?|limited|llp|plc|llc|inc\\.?|corp\\.?|co\\.|gmbh|ag|kg|ug|b\\.?v\\.?|n\\.?v\\.?|"
                    + "s\\.?a\\.?|sarl|s\\.?r\\.?l\\.?|pty|group|company|agency|services)$");
    private static final Pattern ADDRESS = Pattern.compile("(?i)^\\d+[a-z]?\\s+\\p{L}|\\b(?:street|road|avenue|way|lane|"
            + "drive|suite|unit|floor|park|square|rue|straat|weg|laan|plein|gracht|stra(?:ss|ß)e|str\\.|platz|allee|"
            + "p\\.?o\\.? box|postbus|postfach)\\b|\\p{L}(?:strasse|straße|straat|weg|laan|plein|gracht|platz)\\b|"
            + "\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}\\b|\\b[A-Z]{2}\\s\\d{5}\\b|\\b\\d{4}\\s?[A-Z]{2}\\b|\\b\\d{5}\\s+\\p{L}|"
            + "\\b(?:united kingdom|germany|deutschland|netherlands|nederland|france|usa|united states|belgium|belgi[eë])\\b");
    private static final Pattern CONTACT = Pattern.compile("(?i)@|www\\.|https?://|\\b(?:tel|phone|fax|email|e-mail|iban|bic)\\b");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}&'-]+");
    private static final Pattern INVOICE_TITLE = Pattern.compile(
            "(?i)\\s*\\b(?:tax\\s+|vat\\s+|commercial\\s+)?(?:invoice|factuur|rechnung)\\b\\s*");

    private NameText() {
    }

    /** Whether the text can be a party's name. */
    static boolean isName(String text) {
        String name = text.strip();
        if (name.length() < 2 || name.chars().filter(Character::isLetter).count() < 2 || name.endsWith(":")) {
            return false;
        }
        if (isHeading(name) || InvoiceLabel.match(name) != null || isAddress(name) || CONTACT.matcher(name).find()) {
            return false;
        }
        if (InvoiceDates.parse(name) != null || AmountText.lastAmount(name) != null) {
            return false;
        }
        long digits = name.chars().filter(Character::isDigit).count();
        return digits * 3 < name.length();
    }

    /** A heading or block title: every word is one headings are made of. */
    static boolean isHeading(String text) {
        String[] words = WORD.split(text.toLowerCase(Locale.ROOT).strip());
        boolean any = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            any = true;
            if (!HEADING_WORDS.contains(word)) {
                return false;
            }
        }
        return any;
    }

    static boolean isAddress(String text) {
        return ADDRESS.matcher(text).find();
    }

    /** Ends with a legal form ("Ltd", "GmbH", "B.V.") or a word companies are named with. */
    static boolean hasLegalForm(String text) {
        return LEGAL_FORM.matcher(text.strip()).find();
    }

    /** The text without an "Invoice"/"Tax invoice" title printed on the same line as a name. */
    static String withoutTitle(String text) {
        return INVOICE_TITLE.matcher(text).replaceAll(" ").strip();
    }

    /** Names compared ignoring case, punctuation and spacing. */
    static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
