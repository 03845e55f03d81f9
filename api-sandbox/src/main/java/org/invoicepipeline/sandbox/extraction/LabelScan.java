package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the labelled values on one line, wherever the layout puts the value: after the label in the same cell
 * ("Invoice No.: 42"), in the next column cell ("Invoice No." | "42"), on the line below a label printed alone
 * ("Invoice number" / "42"), or under a row of column headers ("Invoice No. | Date | Due" / "42 | ... | ...").
 * Pure functions.
 */
final class LabelScan {

    private LabelScan() {
    }

    /** What one line gives: its labelled values and how many following lines were read as its values. */
    record Result(List<LabelledValue> values, int linesConsumed) {
    }

    static Result scan(List<TextLine> lines, int index) {
        TextLine line = lines.get(index);
        TextLine below = next(lines, index);
        List<String> cells = line.cells();
        List<LabelledValue> values = new ArrayList<>();
        if (cells.size() >= 2 && cells.stream().allMatch(InvoiceLabel::labelOnly)) {
            // A row of column headers: the values are the cells of the line below, in the same order.
            boolean aligned = below != null && below.cells().size() == cells.size() && !anyLabel(below);
            for (int i = 0; i < cells.size(); i++) {
                InvoiceLabel.Match match = InvoiceLabel.match(cells.get(i));
                values.add(new LabelledValue(match.label(), match.printed(), aligned ? below.cells().get(i) : "",
                        aligned ? below : line));
            }
            return new Result(values, aligned ? 1 : 0);
        }
        int consumed = 0;
        for (int i = 0; i < cells.size(); i++) {
            InvoiceLabel.Match match = InvoiceLabel.match(cells.get(i));
            if (match == null) {
                continue;
            }
            String value = InvoiceLabel.cutAtNextLabel(match.value());
            TextLine valueLine = line;
            boolean valueCellNext = i + 1 < cells.size() && InvoiceLabel.match(cells.get(i + 1)) == null;
            if (value.isEmpty() && valueCellNext) {
                value = cells.get(++i);
            } else if (valueCellNext && !match.label().nameOnNextLine()) {
                // "VAT (20%)" | "£30.00": the label cell carries a qualifier, the value is in the next column.
                value = value + " " + cells.get(++i);
            } else if (value.isEmpty() && i == cells.size() - 1 && below != null && !anyLabel(below)
                    && LineItemTable.ofHeader(below.text()) == null) {
                // The label stands alone at the end of its line; its value is the line below.
                value = below.cells().size() == 1 || cells.size() != below.cells().size()
                        ? below.cells().get(0) : below.cells().get(i);
                valueLine = below;
                consumed = 1;
            }
            values.add(new LabelledValue(match.label(), match.printed(), InvoiceLabel.cutAtNextLabel(value), valueLine));
        }
        return new Result(values, consumed);
    }

    private static boolean anyLabel(TextLine line) {
        return line.cells().stream().anyMatch(cell -> InvoiceLabel.match(cell) != null);
    }

    private static TextLine next(List<TextLine> lines, int index) {
        if (index + 1 < lines.size() && lines.get(index + 1).page() == lines.get(index).page()) {
            return lines.get(index + 1);
        }
        return null;
    }
}
