package org.invoicepipeline.client.sandbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.RetryPolicy;
import org.invoicepipeline.client.model.CompletedFile;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.sandbox.ApiSandbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A running sandbox plus clients configured for it (limits scaled like the sandbox's, short backoffs). */
final class SandboxFixture implements AutoCloseable {

    static final double RATE_SCALE = 60;

    final String apiKey = "sk_test_" + UUID.randomUUID();
    final ApiSandbox sandbox;
    final SampleInvoiceGenerator samples = new SampleInvoiceGenerator();

    private SandboxFixture(ApiSandbox.Builder builder) {
        this.sandbox = builder.apiKey(apiKey).start();
    }

    static SandboxFixture start() {
        return new SandboxFixture(defaults());
    }

    static SandboxFixture start(java.util.function.UnaryOperator<ApiSandbox.Builder> customise) {
        return new SandboxFixture(customise.apply(defaults()));
    }

    private static ApiSandbox.Builder defaults() {
        return ApiSandbox.builder().credits(100_000).rateLimitScale(RATE_SCALE)
                .pageProcessingTime(Duration.ofMillis(20));
    }

    ClientOptions.Builder options() {
        return ClientOptions.builder(name -> null)
                .baseUrl(sandbox.baseUrl())
                .apiKey(apiKey)
                .rateLimitScale(RATE_SCALE)
                .readTimeout(Duration.ofSeconds(20))
                .retryPolicy(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20)));
    }

    InvoiceExtractionClient client() {
        return InvoiceExtractionClient.create(options().build());
    }

    InvoiceExtractionClient client(MeterRegistry registry) {
        return InvoiceExtractionClient.create(options().meterRegistry(registry).build());
    }

    /** Uploads sample invoices into a new session; returns the session id. */
    static String uploadInvoices(InvoiceExtractionClient client, SampleInvoiceGenerator samples,
                                 List<SampleInvoice> invoices) {
        String sessionId = "sess_" + UUID.randomUUID();
        List<UploadSource> sources = invoices.stream()
                .map(invoice -> UploadSource.ofBytes(invoice.fileName(), samples.toPdf(invoice)))
                .toList();
        List<UploadFileSpec> specs = java.util.stream.IntStream.range(0, sources.size())
                .mapToObj(i -> new UploadFileSpec("file_" + i, sources.get(i).fileName(), sources.get(i).sizeBytes()))
                .toList();
        UploadSession session = client.createUploadSession(sessionId, specs);
        for (int i = 0; i < sources.size(); i++) {
            CompletedFile completed = client.uploadFile(session, "file_" + i, sources.get(i));
            if (!completed.fileId().equals("file_" + i)) {
                throw new AssertionError("completed the wrong file: " + completed);
            }
        }
        return sessionId;
    }

    /** Long-polls until the extraction is terminal or input is required. */
    static ExtractionStatus awaitSettled(InvoiceExtractionClient client, String extractionId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ExtractionStatus status = client.getExtraction(extractionId, Duration.ofSeconds(5));
            if (status.isTerminal() || status instanceof ExtractionStatus.InputRequired) {
                return status;
            }
        }
        throw new AssertionError("extraction " + extractionId + " did not settle in 60 s");
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
