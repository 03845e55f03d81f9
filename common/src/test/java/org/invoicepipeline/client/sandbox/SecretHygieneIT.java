package org.invoicepipeline.client.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** With debug logging on, nothing the client logs, throws or tags contains the key or a URL signature. */
class SecretHygieneIT {

    @Test
    void theKeyAndSignaturesNeverAppearInLogsExceptionsOrMetrics() throws Exception {
        Logger clientLogger = (Logger) LoggerFactory.getLogger("org.invoicepipeline.client");
        Level previous = clientLogger.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        clientLogger.addAppender(captured);
        clientLogger.setLevel(Level.DEBUG);
        clientLogger.setAdditive(false);   // captured only, the build log stays quiet
        List<String> texts = new ArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SandboxFixture fixture = SandboxFixture.start(b -> b.partSizeBytes(64 * 1024));
             InvoiceExtractionClient client = fixture.client(registry)) {
            texts.add(client.options().toString());
            byte[] bytes = new byte[150_000];
            var session = client.createUploadSession("sess_secret",
                    List.of(new UploadFileSpec("file_1", "s.pdf", bytes.length)));
            fixture.sandbox.control().forceRateLimit("getUploadPartUrls", 1, Duration.ofSeconds(1));
            fixture.sandbox.control().failNext("completeFileUpload", 1, ErrorCode.UPLOAD_COMPLETE_FAILED);
            fixture.sandbox.control().dropConnectionAfterApply("uploadPart", 1);
            client.uploadFile(session, "file_1", UploadSource.ofBytes("s.pdf", bytes));
            fixture.sandbox.control().failNext("getCreditsBalance", 1, ErrorCode.INVALID_INPUT);
            try {
                client.getCreditsBalance();
            } catch (InvoiceExtractionException e) {
                texts.add(e.toString());
            }
            try (InvoiceExtractionClient wrong = InvoiceExtractionClient.create(fixture.options()
                    .apiKey(fixture.apiKey + "-wrong").build())) {
                wrong.getCreditsBalance();
            } catch (InvoiceExtractionException e) {
                texts.add(e.toString());
            }

            for (ILoggingEvent event : captured.list) {
                texts.add(event.getFormattedMessage());
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    texts.add(t.getClassName() + ": " + t.getMessage());
                }
            }
            for (Meter meter : registry.getMeters()) {
                texts.add(meter.getId().toString());
            }

            assertThat(captured.list).as("debug logging was exercised").hasSizeGreaterThan(5);
            assertThat(texts.stream().collect(Collectors.joining("\n")))
                    .contains("uploadPart", "<redacted>")
                    .doesNotContain(fixture.apiKey)
                    .doesNotContain("X-Sandbox-Signature");
        } finally {
            clientLogger.detachAppender(captured);
            clientLogger.setLevel(previous);
            clientLogger.setAdditive(true);
        }
    }
}
