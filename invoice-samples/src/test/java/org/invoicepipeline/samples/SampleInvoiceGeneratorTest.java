package org.invoicepipeline.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;

class SampleInvoiceGeneratorTest {

    private final SampleInvoiceGenerator generator = new SampleInvoiceGenerator(7);

    @Test
    void amountsAddUpWithTwoDecimalsAndDueDateFollowsIssueDate() {
        for (SampleInvoice invoice : generator.generateMany(40)) {
            BigDecimal lines = BigDecimal.ZERO;
            for (SampleLineItem item : invoice.lineItems()) {
                assertThat(item.amount()).isEqualTo(item.quantity().multiply(item.unitPrice()).setScale(2, RoundingMode.HALF_UP));
                lines = lines.add(item.amount());
            }
            assertThat(invoice.netAmount().scale()).isEqualTo(2);
            assertThat(invoice.netAmount()).isEqualByComparingTo(lines);
            assertThat(invoice.taxAmount()).isEqualTo(invoice.netAmount().multiply(invoice.taxRatePercent())
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            assertThat(invoice.totalAmount()).isEqualTo(invoice.netAmount().add(invoice.taxAmount()));
            assertThat(invoice.dueDate()).isAfter(invoice.issueDate());
            assertThat(invoice.hasTwoTotals()).isFalse();
            assertThat(invoice.amountDue()).isEqualTo(invoice.totalAmount());
        }
    }

    @Test
    void theSameSeedGivesTheSameInvoicesAndBytes() {
        SampleInvoiceGenerator again = new SampleInvoiceGenerator(7);
        assertThat(again.generateMany(5)).isEqualTo(generator.generateMany(5));
        generator.toPdf(generator.generate(1));
        assertThat(java.util.Arrays.mismatch(again.toPdf(again.generate(3)), generator.toPdf(generator.generate(3))))
                .as("first differing byte").isEqualTo(-1);
        assertThat(again.multiPage(1)).isEqualTo(generator.multiPage(1));
        assertThat(again.ambiguousTotal(2)).isEqualTo(generator.ambiguousTotal(2));
    }

    @Test
    void anotherSeedGivesOtherInvoices() {
        assertThat(new SampleInvoiceGenerator(8).generateMany(5)).isNotEqualTo(generator.generateMany(5));
    }

    @Test
    void invoicesAreNamedByIndexAndUseEveryLayout() {
        List<SampleInvoice> invoices = generator.generateMany(12);
        assertThat(invoices).extracting(SampleInvoice::fileName).startsWith("invoice-1.pdf", "invoice-2.pdf");
        assertThat(invoices).extracting(SampleInvoice::layout).contains(SampleLayout.values());
        assertThat(invoices).extracting(SampleInvoice::invoiceNumber).doesNotHaveDuplicates();
    }

    @Test
    void specialCasesHaveTheirShape() {
        assertThat(generator.multiPage(1).lineItems()).hasSize(40);
        SampleInvoice ambiguous = generator.ambiguousTotal(1);
        assertThat(ambiguous.hasTwoTotals()).isTrue();
        assertThat(ambiguous.amountDue()).isLessThan(ambiguous.totalAmount()).isPositive();
        assertThat(generator.missingDueDate(1).dueDate()).isNull();
    }
}
