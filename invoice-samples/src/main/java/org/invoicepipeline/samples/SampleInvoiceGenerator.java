package org.invoicepipeline.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates sample invoices with known values, deterministically: the same seed and index always give the
 * same invoice (and the same PDF bytes). Thread-safe.
 *
 * <pre>{@code
 * SampleInvoiceGenerator samples = new SampleInvoiceGenerator(42);
 * SampleInvoice invoice = samples.generate(1);          // "invoice-1.pdf"
 * byte[] pdf = samples.toPdf(invoice);
 * }</pre>
 */
public final class SampleInvoiceGenerator {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20260115L;

    private static final List<String> CURRENCIES = List.of("GBP", "EUR", "USD");
    private static final LocalDate FIRST_ISSUE_DATE = LocalDate.of(2026, 1, 2);

    private final long seed;
    private final SampleInvoicePdf pdf = new SampleInvoicePdf();

    public SampleInvoiceGenerator(long seed) {
        this.seed = seed;
    }

    public SampleInvoiceGenerator() {
        this(DEFAULT_SEED);
    }

    public long seed() {
        return seed;
    }

    /** The invoice with the given index (1 or more), named {@code invoice-<index>.pdf}, with 1 to 6 line items. */
    public SampleInvoice generate(int index) {
        Random random = random(index);
        return invoice(index, "invoice-" + index + ".pdf", random, 1 + random.nextInt(6));
    }

    /** Invoices 1 to {@code count}. */
    public List<SampleInvoice> generateMany(int count) {
        List<SampleInvoice> invoices = new ArrayList<>(count);
        for (int index = 1; index <= count; index++) {
            invoices.add(generate(index));
        }
        return invoices;
    }

    /** An invoice with enough line items (40) to spill onto a second page; named {@code multipage-<index>.pdf}. */
    public SampleInvoice multiPage(int index) {
        return invoice(index, "multipage-" + index + ".pdf", random(-index), 40);
    }

    /**
     * An invoice that shows two candidate totals: the invoice total and, after a deposit already paid, a
     * smaller amount due. Named {@code ambiguous-<index>.pdf}.
     */
    public SampleInvoice ambiguousTotal(int index) {
        SampleInvoice invoice = invoice(index, "ambiguous-" + index + ".pdf", random(1_000_000 + index), 3);
        BigDecimal deposit = invoice.totalAmount().multiply(new BigDecimal("0.30")).setScale(0, RoundingMode.DOWN)
                .setScale(2, RoundingMode.UNNECESSARY);
        return invoice.withDeposit(deposit.signum() > 0 ? deposit : new BigDecimal("1.00"));
    }

    /** An invoice that prints no due date (a field a reader must flag as missing). Named {@code no-due-date-<index>.pdf}. */
    public SampleInvoice missingDueDate(int index) {
        return invoice(index, "no-due-date-" + index + ".pdf", random(2_000_000 + index), 2).withoutDueDate();
    }

    /** The invoice as PDF bytes (see {@link SampleInvoicePdf#toPdf}). */
    public byte[] toPdf(SampleInvoice invoice) {
        return pdf.toPdf(invoice);
    }

    /** The invoice as a password-protected PDF (see {@link SampleInvoicePdf#toEncryptedPdf}). */
    public byte[] toEncryptedPdf(SampleInvoice invoice) {
        return pdf.toEncryptedPdf(invoice);
    }

    /** A damaged, unreadable copy of the invoice PDF (see {@link SampleInvoicePdf#toCorruptPdf}). */
    public byte[] toCorruptPdf(SampleInvoice invoice) {
        return pdf.toCorruptPdf(invoice);
    }

    /** A PNG picture of the invoice without a text layer (see {@link SampleInvoicePdf#toPng}). */
    public byte[] toPng(SampleInvoice invoice) {
        return pdf.toPng(invoice);
    }

    /**
     * Writes the invoice as a valid PDF of exactly {@code sizeBytes} bytes, padded with an incompressible
     * stream, to a file; memory use stays small whatever the size (see {@link LargePdfWriter}).
     */
    public void writeLargePdf(SampleInvoice invoice, long sizeBytes, Path file) throws IOException {
        new LargePdfWriter(pdf, seed).write(invoice, sizeBytes, file);
    }

    /** Writes the invoice as a valid PDF of exactly {@code sizeBytes} bytes to a stream (not closed). */
    public void writeLargePdf(SampleInvoice invoice, long sizeBytes, OutputStream out) throws IOException {
        new LargePdfWriter(pdf, seed).write(invoice, sizeBytes, out);
    }

    /**
     * The same exact-size PDF as {@link #writeLargePdf(SampleInvoice, long, Path)}, as a stream that produces
     * its padding while it is read: no memory or disk grows with the size. Good for streaming upload tests.
     */
    public InputStream openLargePdf(SampleInvoice invoice, long sizeBytes) {
        return new LargePdfWriter(pdf, seed).open(invoice, sizeBytes);
    }

    private Random random(long index) {
        return new Random(seed * 1_000_003L + index);
    }

    private SampleInvoice invoice(int index, String fileName, Random random, int itemCount) {
        String vendor = pick(random, SampleParties.VENDORS);
        String buyer = pick(random, SampleParties.BUYERS);
        String currency = pick(random, CURRENCIES);
        SampleLayout layout = SampleLayout.values()[Math.floorMod(index + random.nextInt(3), 3)];
        LocalDate issueDate = FIRST_ISSUE_DATE.plusDays(random.nextInt(360));
        LocalDate dueDate = issueDate.plusDays(List.of(14, 30, 45, 60).get(random.nextInt(4)));
        String invoiceNumber = String.format("INV-%d-%05d", issueDate.getYear(), 1000 + index * 7 + random.nextInt(7));

        List<SampleLineItem> items = new ArrayList<>(itemCount);
        List<String> pool = new ArrayList<>(SampleParties.ITEMS);
        for (int i = 0; i < itemCount; i++) {
            String description = pool.get(random.nextInt(pool.size()));
            if (itemCount > pool.size()) {
                description = description + " - lot " + (char) ('A' + i % 26);
            }
            BigDecimal quantity = random.nextInt(5) == 0
                    ? BigDecimal.valueOf(1 + random.nextInt(16)).divide(BigDecimal.valueOf(2))
                    : BigDecimal.valueOf(1 + random.nextInt(12));
            BigDecimal unitPrice = BigDecimal.valueOf(250 + random.nextInt(95_000), 2);
            BigDecimal amount = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
            items.add(new SampleLineItem(description, quantity, unitPrice, amount));
        }
        BigDecimal net = items.stream().map(SampleLineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal rate = switch (currency) {
            case "GBP" -> new BigDecimal("20");
            case "EUR" -> new BigDecimal("19");
            default -> new BigDecimal("8.25");
        };
        BigDecimal tax = net.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return new SampleInvoice(fileName, invoiceNumber, issueDate, dueDate, vendor, buyer, currency, items, net, rate,
                tax, net.add(tax), null, layout);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
