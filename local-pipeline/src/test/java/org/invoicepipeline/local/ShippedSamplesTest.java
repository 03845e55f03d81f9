package org.invoicepipeline.local;

import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.register.SampleInvoices;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.samples.SampleInvoicesMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample invoices the launcher ships are exactly what the project's generator produces, manifest included. */
class ShippedSamplesTest {

    /** How the shipped samples were made: {@code SampleInvoicesMain --count 12} with the default seed. */
    private static final int SHIPPED_COUNT = 12;

    @Test
    void shippedSamplesMatchTheGeneratorByteForByte(@TempDir Path shipped, @TempDir Path generated) throws Exception {
        List<Path> files = SampleInvoices.copyTo(shipped);
        SampleInvoicesMain.write(generated, SHIPPED_COUNT, SampleInvoiceGenerator.DEFAULT_SEED, false);

        assertThat(files).hasSize(SHIPPED_COUNT);
        try (Stream<Path> expected = Files.list(generated)) {
            for (Path file : expected.toList()) {
                assertThat(shipped.resolve(file.getFileName().toString()))
                        .as("shipped %s", file.getFileName())
                        .hasSameBinaryContentAs(file);
            }
        }
        assertThat(shipped.resolve(FolderRegistrar.MANIFEST)).exists();
    }
}
