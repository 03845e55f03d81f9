package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The vendor (issuer) and buyer names, from the strongest evidence the layout gives. Pure.
 *
 * <p>Vendor: a vendor label ("Supplier:", "From:", "Verkäufer"); else the legal footer ("Kestrel Software
 * GmbH · Amtsgericht Berlin HRB 12345 · USt-IdNr. …") or the letterhead (a name above address lines at the top
 * of the first page, or a sender line "Name · Street · City"); else the first name-like line, which is weak.
 * Buyer: a bill-to / invoice-to / customer label or block ("Bill To:" above the name, a "Bill To | Ship To"
 * header above two names); else the ship-to / delivery block, or an unlabelled address block, both weak.
 * Headings ("PAYMENT RECEIPT", "Factuuradres Afleveradres") and label-only lines ("Address:") are never names.
 */
record PartyNames(Recognized<String> vendor, Recognized<String> buyer) {

    private static final Pattern LEGAL_MARKER = Pattern.compile("(?i)\\b(?:registered|registration|company\\s+(?:no|number|reg)"
            + "|reg\\.?\\s*no|kvk|chamber\\s+of\\s+commerce|handelsregister|hrb|amtsgericht|ust-?id\\S*|vat\\s*(?:no|number|reg|id)"
            + "|btw(?:-?nr|-?nummer|\\s+nl)|iban|geschäftsführer|directors?|sitz\\s+der)\\b");
    private static final Pattern SEGMENT_GAP = Pattern.compile("\\s+[·|•]\\s+|\\s*\\t\\s*|\\s+[-–]\\s+|;\\s*");

    static PartyNames recognize(List<TextLine> lines, List<LabelledValue> values) {
        Recognized<String> labelledBuyer = labelled(values, InvoiceLabel.BUYER, "buyer names");
        List<Block> blocks = headerBlocks(lines);
        Recognized<String> vendor = vendor(lines, values, blocks, labelledBuyer.value());
        Recognized<String> labelledVendor = labelled(values, InvoiceLabel.VENDOR, "vendor names");
        if (!labelledVendor.found()) {
            // A "Supplier:" label printed without a name: whatever was found elsewhere may not be what it meant.
            String emptyLabel = values.stream().filter(value -> value.label() == InvoiceLabel.VENDOR)
                    .map(LabelledValue::printedLabel).findFirst().orElse(null);
            if (emptyLabel != null) {
                vendor = vendor.withDoubt("a \"" + emptyLabel + "\" label is printed without a name next to it; "
                        + "the name was taken from elsewhere on the document");
            }
        }
        Recognized<String> buyer = labelledBuyer;
        if (!buyer.found()) {
            Recognized<String> shipTo = labelled(values, InvoiceLabel.SHIP_TO, "ship-to names");
            if (shipTo.found()) {
                buyer = Recognized.doubtful(shipTo.value(), shipTo.page(),
                        "no bill-to block is printed; the name was taken from the ship-to / delivery block");
            }
        }
        if (!buyer.found()) {
            for (Block block : blocks) {
                if (!NameText.same(block.name(), vendor.value())) {
                    buyer = Recognized.doubtful(block.name(), block.page(),
                            "no buyer label is printed; the name was taken from an unlabelled address block");
                    break;
                }
            }
        }
        if (vendor.found() && NameText.same(vendor.value(), buyer.value())) {
            String same = "the vendor and the buyer came out as the same name";
            vendor = vendor.withDoubt(same);
            buyer = buyer.withDoubt(same);
        }
        return new PartyNames(vendor, buyer);
    }

    private static Recognized<String> vendor(List<TextLine> lines, List<LabelledValue> values, List<Block> blocks,
            String buyer) {
        Recognized<String> labelled = labelled(values, InvoiceLabel.VENDOR, "vendor names");
        if (labelled.found()) {
            return labelled;
        }
        List<Block> letterheads = blocks.stream().filter(block -> !NameText.same(block.name(), buyer)).toList();
        Recognized<String> footer = footer(lines);
        if (footer.found()) {
            boolean agrees = letterheads.isEmpty()
                    || letterheads.stream().anyMatch(block -> NameText.same(block.name(), footer.value()));
            return agrees ? footer : footer.withDoubt("the legal footer names \"" + footer.value()
                    + "\" but the letterhead shows \"" + letterheads.get(0).name() + "\"");
        }
        if (letterheads.size() == 1) {
            return Recognized.certain(letterheads.get(0).name(), letterheads.get(0).page());
        }
        if (letterheads.size() > 1) {
            return Recognized.doubtful(letterheads.get(0).name(), letterheads.get(0).page(),
                    "the top of the document shows several parties (" + letterheads.stream()
                            .map(block -> "\"" + block.name() + "\"").reduce((a, b) -> a + ", " + b).orElse("")
                            + ") and no label or legal footer says which issued it; the first was taken");
        }
        for (TextLine line : lines) {
            if (line.page() != lines.get(0).page()) {
                break;
            }
            for (String cell : line.cells()) {
                String name = NameText.withoutTitle(cell);
                if (InvoiceLabel.match(cell) == null && NameText.isName(name) && !NameText.same(name, buyer)) {
                    return Recognized.doubtful(name, line.page(), "no vendor label, letterhead or legal footer was "
                            + "found; the first name-like line of the document was taken");
                }
            }
        }
        return Recognized.none();
    }

    /** The first name printed under the label; doubtful when a second, different one is printed too. */
    private static Recognized<String> labelled(List<LabelledValue> values, InvoiceLabel label, String what) {
        String found = null;
        int page = 1;
        for (LabelledValue value : values) {
            if (value.label() != label) {
                continue;
            }
            String name = NameText.withoutTitle(value.value());
            if (!NameText.isName(name)) {
                continue;
            }
            if (found == null) {
                found = name;
                page = value.page();
            } else if (!NameText.same(found, name)) {
                return Recognized.doubtful(found, page, "the document prints two different " + what + " (\"" + found
                        + "\" and \"" + name + "\"); the first was taken");
            }
        }
        return found == null ? Recognized.none() : Recognized.certain(found, page);
    }

    /** The company a legal footer line names (the name segment of a line with registration details). */
    static Recognized<String> footer(List<TextLine> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            TextLine line = lines.get(i);
            if (!LEGAL_MARKER.matcher(line.text()).find()) {
                continue;
            }
            for (String segment : SEGMENT_GAP.split(String.join("\t", line.cells()))) {
                String name = segment.strip();
                if (!LEGAL_MARKER.matcher(name).find() && InvoiceLabel.match(name) == null && NameText.isName(name)) {
                    return Recognized.certain(name, line.page());
                }
            }
        }
        return Recognized.none();
    }

    /** A name at the top of the first page with address lines under it, or a "Name · Street · City" sender line. */
    record Block(String name, int page) {
    }

    static List<Block> headerBlocks(List<TextLine> lines) {
        List<Block> blocks = new ArrayList<>();
        if (lines.isEmpty()) {
            return blocks;
        }
        int page = lines.get(0).page();
        for (int i = 0; i < lines.size() && lines.get(i).page() == page; i++) {
            TextLine line = lines.get(i);
            if (!NameText.isHeading(line.text()) && line.cells().stream().anyMatch(cell -> InvoiceLabel.match(cell) != null)) {
                break;
            }
            for (String cell : line.cells()) {
                String[] segments = SEGMENT_GAP.split(cell);
                String name = NameText.withoutTitle(segments[0]);
                if (!NameText.isName(name) || LEGAL_MARKER.matcher(cell).find()) {
                    continue;
                }
                boolean senderLine = segments.length > 1 && NameText.isAddress(cell);
                if (senderLine || addressFollows(lines, i)) {
                    blocks.add(new Block(name, page));
                }
            }
        }
        return blocks;
    }

    private static boolean addressFollows(List<TextLine> lines, int index) {
        for (int i = index + 1; i <= index + 2 && i < lines.size(); i++) {
            TextLine next = lines.get(i);
            if (next.page() != lines.get(index).page()) {
                return false;
            }
            if (next.cells().stream().anyMatch(NameText::isAddress)) {
                return true;
            }
            if (next.cells().stream().noneMatch(NameText::isAddress) && i == index + 1
                    && next.cells().stream().anyMatch(NameText::isName)) {
                return false;
            }
        }
        return false;
    }
}
