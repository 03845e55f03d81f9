package org.invoicepipeline.upload.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.invoicepipeline.common.storage.S3Connection;
import org.invoicepipeline.common.testing.ChildJvm;
import org.invoicepipeline.common.testing.S3MockServer;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.upload.validation.FileDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A 150 MB PDF (the API's maximum) in S3 is uploaded by the stage's uploader in a JVM whose whole heap is 48 MB,
 * less than a third of the object: every part is a ranged GET streamed into its PUT, never held. S3Mock runs in its
 * own JVM, the sandbox in this one (it checks the assembled size); the probe prints its heap high-water mark.
 */
class S3UploadMemoryIT {

    private static final long OBJECT_SIZE = 157_286_400;
    private static final Pattern PEAK = Pattern.compile("peakHeapUsedSum=(\\d+)");

    @Test
    void uploadsA150MbObjectWithA48MbHeap(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("large-invoice.pdf");
        SampleInvoiceGenerator samples = new SampleInvoiceGenerator();
        samples.writeLargePdf(samples.generate(1), OBJECT_SIZE, pdf);
        String sha256 = FileDigests.sha256Hex(pdf);
        String apiKey = "sk_test_" + UUID.randomUUID();
        System.setProperty("aws.accessKeyId", "s3mock");
        System.setProperty("aws.secretAccessKey", "s3mock");
        S3MockServer server = S3MockServer.shared();
        server.createBuckets("large-inbox");
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey(apiKey).credits(1_000).rateLimitScale(60).start()) {
            S3Connection connection = new S3Connection();
            connection.setEndpoint(server.endpoint());
            connection.setPathStyleAccess(true);
            try (S3Client s3 = connection.newClient()) {
                s3.putObject(b -> b.bucket("large-inbox").key("scans/large-invoice.pdf"), RequestBody.fromFile(pdf));
            }
            Files.delete(pdf);

            List<String> command = new java.util.ArrayList<>(ChildJvm.command("48m", S3UploadMemoryProbe.class.getName(),
                    List.of(server.endpoint().toString(), "s3://large-inbox/scans/large-invoice.pdf", sha256,
                            sandbox.baseUrl(), apiKey)));
            command.add(1, "-Daws.accessKeyId=s3mock");
            command.add(2, "-Daws.secretAccessKey=s3mock");
            Path log = dir.resolve("probe.log");
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = probe.waitFor(4, TimeUnit.MINUTES);
            if (!finished) {
                probe.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            String summary = output.lines().filter(line -> line.startsWith("completed=")).findFirst().orElse(output);
            System.out.println("S3 upload probe: " + summary.strip());

            assertThat(finished).as("probe finished: " + output).isTrue();
            assertThat(probe.exitValue()).as(output).isZero();
            Matcher peak = PEAK.matcher(summary);
            assertThat(peak.find()).as(summary).isTrue();
            assertThat(Long.parseLong(peak.group(1))).as("heap high-water").isLessThan(48L * 1024 * 1024);
            AccountCounters counters = sandbox.control().counters(apiKey);
            assertThat(counters.filesCompleted()).as("the sandbox found the declared 150 MB").isEqualTo(1);
        }
        finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
