package org.invoicepipeline.sandbox.extraction;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The currency: a "Currency" label, else the ISO code printed with the amounts, else the symbol (£ and € are
 * unambiguous; $ is also the Canadian, Australian and other dollars, so it is read as USD in doubt). Pure.
 */
final class CurrencyField {

    private static final Pattern CODE = Pattern.compile(
            "\\b(GBP|EUR|USD|CHF|CAD|AUD|NZD|JPY|SEK|NOK|DKK|PLN|CZK|INR|ZAR|SGD|HKD)\\b");

    private CurrencyField() {
    }

    static Recognized<String> recognize(List<LabelledValue> values, List<TextLine> lines) {
        for (LabelledValue value : values) {
            Matcher code = CODE.matcher(value.value().toUpperCase(Locale.ROOT));
            if (value.label() == InvoiceLabel.CURRENCY && code.find()) {
                return Recognized.certain(code.group(1), value.page());
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        int page = 1;
        for (TextLine line : lines) {
            Matcher code = CODE.matcher(line.text());
            while (code.find()) {
                if (codes.isEmpty()) {
                    page = line.page();
                }
                codes.add(code.group(1));
            }
        }
        if (codes.size() == 1) {
            return Recognized.certain(codes.iterator().next(), page);
        }
        if (codes.size() > 1) {
            return Recognized.doubtful(codes.iterator().next(), page, "the document prints several currency codes "
                    + codes + "; the first was taken");
        }
        for (TextLine line : lines) {
            String text = line.text();
            if (text.indexOf('£') >= 0) {
                return Recognized.certain("GBP", line.page());
            }
            if (text.indexOf('€') >= 0) {
                return Recognized.certain("EUR", line.page());
            }
            if (text.indexOf('$') >= 0) {
                return Recognized.doubtful("USD", line.page(),
                        "only a $ sign is printed, which other dollars use too; USD was assumed");
            }
        }
        return Recognized.none();
    }
}
