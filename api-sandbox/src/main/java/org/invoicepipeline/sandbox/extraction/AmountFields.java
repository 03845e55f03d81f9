package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Net, tax and total amounts from their labels. A multi-section invoice prints several subtotals and totals:
 * the invoice total is the last amount labelled as a total (the grand total), and where several different
 * net or tax amounts are printed the one that adds up to that total is taken. When the amounts do not settle
 * it (no combination adds up), the last is taken and the value is doubtful. Pure.
 *
 * @param net        the net amount
 * @param tax        the tax amount
 * @param candidates every amount labelled as a total or as due, in document order
 * @param totalDoubt why the invoice total is in doubt, or {@code null}
 */
record AmountFields(Recognized<BigDecimal> net, Recognized<BigDecimal> tax, List<AmountCandidate> candidates,
        String totalDoubt) {

    static AmountFields recognize(List<LabelledValue> values) {
        List<AmountCandidate> nets = new ArrayList<>();
        List<AmountCandidate> taxes = new ArrayList<>();
        List<AmountCandidate> totals = new ArrayList<>();
        for (LabelledValue value : values) {
            BigDecimal amount = value.empty() ? null : AmountText.lastAmount(value.value());
            if (amount == null) {
                continue;
            }
            AmountCandidate candidate = new AmountCandidate(value.printedLabel(), amount, value.page(),
                    value.label() == InvoiceLabel.AMOUNT_DUE);
            switch (value.label()) {
                case NET -> nets.add(candidate);
                case TAX -> taxes.add(candidate);
                case TOTAL, AMOUNT_DUE -> totals.add(candidate);
                default -> {
                }
            }
        }
        BigDecimal total = totals.stream().filter(c -> !c.amountDue()).reduce((a, b) -> b)
                .or(() -> totals.stream().reduce((a, b) -> b)).map(AmountCandidate::amount).orElse(null);
        Recognized<BigDecimal> tax = choose(taxes, nets, total, "tax amounts");
        Recognized<BigDecimal> net = choose(nets, taxes, total, "net amounts (subtotals)");
        String totalDoubt = totalDoubt(totals, total, net.value(), tax.value());
        if (totalDoubt == null && net.found() && tax.found() && total != null
                && net.value().add(tax.value()).compareTo(total) != 0) {
            String sum = "net " + net.value().toPlainString() + " and tax " + tax.value().toPlainString()
                    + " do not add up to the total " + total.toPlainString();
            net = net.withDoubt(sum);
            tax = tax.withDoubt(sum);
            totalDoubt = sum;
        }
        return new AmountFields(net, tax, totals, totalDoubt);
    }

    /** One of the printed amounts: the only one, the one that adds up with the other kind to the total, or the last. */
    private static Recognized<BigDecimal> choose(List<AmountCandidate> printed, List<AmountCandidate> others,
            BigDecimal total, String what) {
        List<BigDecimal> distinct = printed.stream().map(AmountCandidate::amount).map(BigDecimal::stripTrailingZeros)
                .distinct().toList();
        if (printed.isEmpty()) {
            return Recognized.none();
        }
        if (distinct.size() == 1) {
            return Recognized.certain(printed.get(0).amount(), printed.get(0).page());
        }
        if (total != null) {
            for (int i = printed.size() - 1; i >= 0; i--) {
                AmountCandidate candidate = printed.get(i);
                boolean addsUp = others.stream()
                        .anyMatch(other -> candidate.amount().add(other.amount()).compareTo(total) == 0);
                if (addsUp) {
                    return Recognized.certain(candidate.amount(), candidate.page());
                }
            }
        }
        if (total != null) {
            // Section subtotals that, with the other kind, add up to the total: the net is their sum.
            BigDecimal sum = printed.stream().map(AmountCandidate::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (others.stream().anyMatch(other -> sum.add(other.amount()).compareTo(total) == 0)) {
                return Recognized.certain(sum, printed.get(printed.size() - 1).page());
            }
        }
        AmountCandidate last = printed.get(printed.size() - 1);
        return Recognized.doubtful(last.amount(), last.page(), "the document prints several different " + what + " ("
                + printed.stream().map(c -> c.amount().toPlainString()).collect(Collectors.joining(", "))
                + ") and none adds up to the total; the last was taken");
    }

    private static String totalDoubt(List<AmountCandidate> totals, BigDecimal total, BigDecimal net, BigDecimal tax) {
        List<AmountCandidate> invoiceTotals = totals.stream().filter(c -> !c.amountDue()).toList();
        List<BigDecimal> distinct = invoiceTotals.stream().map(c -> c.amount().stripTrailingZeros()).distinct().toList();
        if (distinct.size() <= 1) {
            return null;
        }
        boolean addsUp = net != null && tax != null && net.add(tax).compareTo(total) == 0;
        BigDecimal others = distinct.stream().filter(amount -> amount.compareTo(total) != 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (addsUp || others.compareTo(total) == 0) {
            return null;
        }
        return "the document prints several different totals (" + invoiceTotals.stream()
                .map(c -> c.label() + " " + c.amount().toPlainString()).collect(Collectors.joining(", "))
                + "); the last was taken";
    }
}
