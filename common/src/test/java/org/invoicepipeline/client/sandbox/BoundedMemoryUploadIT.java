package org.invoicepipeline.client.sandbox;

import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 150 MB PDF (the API's maximum) is uploaded by a JVM whose whole heap is 32 MB, less than a quarter of the
 * file: parts are streamed from disk, never held. The sandbox runs in this JVM and checks the assembled size.
 */
class BoundedMemoryUploadIT {

    private static final long FILE_SIZE = 157_286_400;
    private static final long DOCUMENTED_PART_SIZE = 8_388_608;

    @Test
    void uploadsA150MbPdfWithA32MbHeap(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("large-invoice.pdf");
        SampleInvoiceGenerator samples = new SampleInvoiceGenerator();
        samples.writeLargePdf(samples.generate(1), FILE_SIZE, pdf);
        assertThat(Files.size(pdf)).isEqualTo(FILE_SIZE);

        try (SandboxFixture fixture = SandboxFixture.start()) {
            Path log = dir.resolve("probe.log");
            Process probe = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx32m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    UploadMemoryProbe.class.getName(),
                    fixture.sandbox.baseUrl(), fixture.apiKey, pdf.toString(), "sess_large"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = probe.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                probe.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println("upload probe: " + output.strip());

            assertThat(finished).as("probe finished: " + output).isTrue();
            assertThat(probe.exitValue()).as(output).isZero();
            assertThat(output).contains("completed=file_1");
            AccountCounters counters = fixture.sandbox.control().counters(fixture.apiKey);
            assertThat(counters.partsUploaded()).isEqualTo((FILE_SIZE + DOCUMENTED_PART_SIZE - 1) / DOCUMENTED_PART_SIZE)
                    .isEqualTo(19);
            assertThat(counters.filesCompleted()).as("the sandbox found the declared 150 MB").isEqualTo(1);
        }
    }
}
