package org.invoicepipeline.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A varied corpus for measuring field recognition: the project's own sample invoices, printed in the
 * {@link CorpusVariant} layouts real invoices use (labels above values, column headers, Dutch and German
 * invoices, a letterhead with the issuer only in the legal footer, bill-to / ship-to blocks, several sections,
 * totals on a later page), plus a document that is not an invoice and a scanned PDF without a text layer. Every
 * document comes with the values printed on it. Deterministic per seed; thread-safe.
 */
public final class SampleCorpus {

    private final SampleInvoiceGenerator generator;
    private final CorpusInvoicePdf printer = new CorpusInvoicePdf();

    public SampleCorpus(long seed) {
        this.generator = new SampleInvoiceGenerator(seed);
    }

    public SampleCorpus() {
        this(SampleInvoiceGenerator.DEFAULT_SEED);
    }

    /**
     * {@code perVariant} documents of each variant (at least 1), plus {@code 2 × perVariant} standard invoices
     * and one each of the generator's multi-page, two-totals and no-due-date invoices.
     */
    public List<CorpusDocument> documents(int perVariant) {
        if (perVariant < 1) {
            throw new IllegalArgumentException("perVariant must be at least 1: " + perVariant);
        }
        List<CorpusDocument> documents = new ArrayList<>();
        for (int i = 1; i <= 2 * perVariant; i++) {
            documents.add(standard(generator.generate(i)));
        }
        documents.add(standard(generator.multiPage(1)));
        documents.add(standard(generator.ambiguousTotal(1)));
        documents.add(standard(generator.missingDueDate(1)));
        for (CorpusVariant variant : CorpusVariant.values()) {
            if (variant == CorpusVariant.STANDARD) {
                continue;
            }
            for (int j = 1; j <= perVariant; j++) {
                documents.add(document(variant, j));
            }
        }
        return documents;
    }

    /** Document {@code index} (1 or more) of a variant other than {@link CorpusVariant#STANDARD}. */
    public CorpusDocument document(CorpusVariant variant, int index) {
        String fileName = variant.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + index + ".pdf";
        SampleInvoice base = generator.generate(100 * (variant.ordinal() + 1) + index);
        List<SampleLineItem> pool = generator.multiPage(100 * (variant.ordinal() + 1) + index).lineItems();
        int items = 3 + index % 4;
        return switch (variant) {
            case STANDARD -> standard(base.withFileName(fileName));
            case LABELS_ABOVE -> invoice(fileName, variant, reprice(base, pool.subList(0, items), base.currency()),
                    printer::labelsAbove);
            case COLUMNS -> {
                SampleInvoice invoice = reprice(base, pool.subList(0, items), base.currency());
                boolean withDueDate = index % 2 == 1;
                Map<String, String> expected = CorpusDocument.expectedOf(invoice);
                if (!withDueDate) {
                    expected.put("due_date", null);
                }
                yield new CorpusDocument(fileName, printer.columns(invoice, withDueDate), variant, expected, true, true);
            }
            case DUTCH -> invoice(fileName, variant, reprice(base, pool.subList(0, items), "EUR", new BigDecimal("21")),
                    printer::dutch);
            case GERMAN -> invoice(fileName, variant, reprice(base, pool.subList(0, items), "EUR", new BigDecimal("19")),
                    printer::german);
            case LETTERHEAD -> invoice(fileName, variant, reprice(base, pool.subList(0, items), base.currency()),
                    invoice -> printer.letterhead(invoice, index % 2 == 1));
            case SECTIONS -> {
                // Enough items to run onto a second page every other time: totals on a later page.
                SampleInvoice invoice = reprice(base, pool.subList(0, index % 2 == 0 ? 34 : 5), base.currency());
                yield new CorpusDocument(fileName, printer.sections(invoice, 2, index % 2 == 1), variant,
                        CorpusDocument.expectedOf(invoice), true, true);
            }
            case SPARSE_LABELS -> {
                SampleInvoice invoice = reprice(base, pool.subList(0, items), base.currency());
                BigDecimal shipping = new BigDecimal("12.50").multiply(BigDecimal.valueOf(index));
                Map<String, String> expected = CorpusDocument.expectedOf(invoice);
                expected.put("due_date", null);
                expected.put("total_amount", invoice.totalAmount().add(shipping).toPlainString());
                yield new CorpusDocument(fileName, printer.sparseLabels(invoice, shipping), variant, expected, true, true);
            }
            case NOT_AN_INVOICE -> new CorpusDocument(fileName, printer.minutes(base), variant,
                    CorpusDocument.nothingExpected(), false, true);
            case SCANNED -> new CorpusDocument(fileName, printer.scanned(base), variant,
                    CorpusDocument.nothingExpected(), true, false);
        };
    }

    private static CorpusDocument standard(SampleInvoice invoice) {
        return new CorpusDocument(invoice.fileName(), new SampleInvoicePdf().toPdf(invoice), CorpusVariant.STANDARD,
                CorpusDocument.expectedOf(invoice), true, true);
    }

    private static CorpusDocument invoice(String fileName, CorpusVariant variant, SampleInvoice invoice,
            Function<SampleInvoice, byte[]> print) {
        return new CorpusDocument(fileName, print.apply(invoice), variant, CorpusDocument.expectedOf(invoice), true, true);
    }

    private static SampleInvoice reprice(SampleInvoice base, List<SampleLineItem> items, String currency) {
        BigDecimal rate = switch (currency) {
            case "GBP" -> new BigDecimal("20");
            case "EUR" -> new BigDecimal("19");
            default -> new BigDecimal("8.25");
        };
        return reprice(base, items, currency, rate);
    }

    /** The base invoice's parties, number and dates with other line items, currency and tax rate (amounts add up). */
    private static SampleInvoice reprice(SampleInvoice base, List<SampleLineItem> items, String currency,
            BigDecimal rate) {
        BigDecimal net = items.stream().map(SampleLineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal tax = net.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return new SampleInvoice(base.fileName(), base.invoiceNumber(), base.issueDate(), base.dueDate(),
                base.vendorName(), base.buyerName(), currency, items, net, rate, tax, net.add(tax), null, base.layout());
    }
}
