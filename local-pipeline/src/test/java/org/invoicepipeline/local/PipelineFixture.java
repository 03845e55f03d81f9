package org.invoicepipeline.local;

import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.JsonNumber;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers of the cross-stage tests: generated input folders, scaled settings and value checks. */
final class PipelineFixture {

    static final SampleInvoiceGenerator GENERATOR = new SampleInvoiceGenerator();

    private PipelineFixture() {
    }

    /** Writes {@code count} generated invoices (indexes from {@code first}) into {@code dir}. */
    static List<SampleInvoice> writeInvoices(Path dir, int first, int count) throws IOException {
        Files.createDirectories(dir);
        List<SampleInvoice> invoices = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            SampleInvoice invoice = GENERATOR.generate(i);
            Files.write(dir.resolve(invoice.fileName()), GENERATOR.toPdf(invoice));
            invoices.add(invoice);
        }
        return invoices;
    }

    /** Launcher options for tests: sandbox limits scaled, short page time. */
    static LaunchOptions options(Path input, Path output, double scale, Duration pageTime) {
        return LaunchOptions.defaults().withInput(input).withOutput(output).withSandbox(scale, pageTime)
                .withTimeout(Duration.ofMinutes(3));
    }

    /** Worker settings that shorten the clocks of the pipeline for tests. */
    static Map<Stage, Map<String, String>> fastClocks() {
        return Map.of(
                Stage.UPLOAD, Map.of("pipeline.upload.planner.linger", "500ms"),
                Stage.POLL, Map.of("pipeline.poll.long-poll-wait", "5s", "pipeline.poll.resubmit-delay", "200ms",
                        "pipeline.poll.error-backoff", "200ms"));
    }

    static String fileIdOf(Path dir, SampleInvoice invoice) {
        return FolderRegistrar.fileIdOf(dir.resolve(invoice.fileName()));
    }

    /** The one row of a per-invoice result carries exactly the invoice's known values. */
    static void assertKnownValues(ExtractionResult result, SampleInvoice invoice) {
        assertThat(result.getRows()).as("rows of %s", invoice.fileName()).hasSize(1);
        Map<String, Object> values = result.getRows().get(0).getValues();
        assertThat(values.get("Invoice Number")).isEqualTo(invoice.invoiceNumber());
        assertThat(values.get("Invoice Date")).isEqualTo(invoice.issueDate().toString());
        assertThat(values.get("Due Date")).isEqualTo(invoice.dueDate() == null ? null : invoice.dueDate().toString());
        assertThat(values.get("Vendor Name")).isEqualTo(invoice.vendorName());
        assertThat(values.get("Buyer Name")).isEqualTo(invoice.buyerName());
        assertThat(values.get("Currency")).isEqualTo(invoice.currency());
        assertAmount(values.get("Net Amount"), invoice.netAmount());
        assertAmount(values.get("Tax Amount"), invoice.taxAmount());
        assertAmount(values.get("Total Amount"), invoice.totalAmount());
    }

    private static void assertAmount(Object cell, BigDecimal expected) {
        assertThat(cell).isInstanceOf(JsonNumber.class);
        assertThat(new BigDecimal(((JsonNumber) cell).getValue())).isEqualByComparingTo(expected);
    }
}
