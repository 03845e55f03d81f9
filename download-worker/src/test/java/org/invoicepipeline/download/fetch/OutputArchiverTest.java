package org.invoicepipeline.download.fetch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.download.store.LocalDirectoryOutputStore;
import org.invoicepipeline.events.SignedOutputUrls;
import org.invoicepipeline.events.StoredOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Output files come from the carried URLs while fresh; the output endpoint only on expiry, absence or refusal. */
class OutputArchiverTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    private static final String XLSX_URL = "https://storage/e-1/output.xlsx?X-Amz-Signature=secret-x";
    private static final String JSON_URL = "https://storage/e-1/output.json?X-Amz-Signature=secret-j";

    @TempDir
    Path dir;

    private final InvoiceExtractionClient client = mock(InvoiceExtractionClient.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void freshCarriedUrlsAreUsedWithoutAnyOutputEndpointCall() throws Exception {
        writes("carried bytes").when(client).downloadOutputFrom(anyString(), any(Path.class));

        List<StoredOutput> stored = archiver(List.of(OutputFormat.XLSX, OutputFormat.JSON))
                .archive("e-1", carried(NOW.plusSeconds(290)));

        assertThat(stored).extracting(StoredOutput::getFormat).containsExactly("xlsx", "json");
        assertThat(Files.readString(Path.of(java.net.URI.create(stored.get(0).getUri())))).isEqualTo("carried bytes");
        verify(client).downloadOutputFrom(eq(XLSX_URL), any(Path.class));
        verify(client).downloadOutputFrom(eq(JSON_URL), any(Path.class));
        verify(client, never()).downloadOutput(anyString(), any(OutputFormat.class), any(Path.class));
        verify(client, never()).getOutputDownloadUrl(anyString(), any());
        assertThat(requests("expired") + requests("refused") + requests("none-carried")).isZero();
        assertThat(meters.get("pipeline.download.outputs.fetched").tag("url", "carried").counter().count()).isEqualTo(2);
    }

    @Test
    void anExpiredCarriedUrlIsNotTriedAndAFreshOneIsRequested() throws Exception {
        writes("fresh bytes").when(client).downloadOutput(eq("e-1"), eq(OutputFormat.XLSX), any(Path.class));

        List<StoredOutput> stored = archiver(List.of(OutputFormat.XLSX)).archive("e-1", carried(NOW.plusSeconds(10)));

        assertThat(stored).singleElement().satisfies(o -> assertThat(o.getFormat()).isEqualTo("xlsx"));
        verify(client, never()).downloadOutputFrom(anyString(), any(Path.class));
        verify(client).downloadOutput(eq("e-1"), eq(OutputFormat.XLSX), any(Path.class));
        assertThat(requests("expired")).isEqualTo(1);
    }

    @Test
    void aRefusedCarriedUrlFallsBackToAFreshOne() throws Exception {
        doThrow(new SignedUrlException(Operation.DOWNLOAD_OUTPUT, 403, "https://storage/e-1/output.json?<redacted>"))
                .when(client).downloadOutputFrom(eq(JSON_URL), any(Path.class));
        writes("fresh bytes").when(client).downloadOutput(eq("e-1"), eq(OutputFormat.JSON), any(Path.class));

        List<StoredOutput> stored = archiver(List.of(OutputFormat.JSON)).archive("e-1", carried(NOW.plusSeconds(290)));

        assertThat(stored).singleElement().satisfies(o -> assertThat(o.getSizeBytes()).isEqualTo(11L));
        verify(client).downloadOutput(eq("e-1"), eq(OutputFormat.JSON), any(Path.class));
        assertThat(requests("refused")).isEqualTo(1);
    }

    @Test
    void onlyTheConfiguredFormatsAreFetchedAndANotGeneratedOneCostsNoCall() throws Exception {
        writes("bytes").when(client).downloadOutputFrom(anyString(), any(Path.class));

        // csv is configured but the status carried no csv URL: not generated
        List<StoredOutput> stored = archiver(List.of(OutputFormat.JSON, OutputFormat.CSV))
                .archive("e-1", carried(NOW.plusSeconds(290)));

        assertThat(stored).extracting(StoredOutput::getFormat).containsExactly("json");
        verify(client).downloadOutputFrom(eq(JSON_URL), any(Path.class));
        verify(client, never()).downloadOutputFrom(eq(XLSX_URL), any(Path.class));
        verify(client, never()).downloadOutput(anyString(), any(OutputFormat.class), any(Path.class));
    }

    @Test
    void withoutCarriedUrlsEveryFormatIsRequested() throws Exception {
        writes("bytes").when(client).downloadOutput(eq("e-1"), any(OutputFormat.class), any(Path.class));

        assertThat(archiver(List.of(OutputFormat.CSV, OutputFormat.JSON)).archive("e-1", null)).hasSize(2);

        verify(client, never()).downloadOutputFrom(anyString(), any(Path.class));
        assertThat(requests("none-carried")).isEqualTo(2);
    }

    private OutputArchiver archiver(List<OutputFormat> formats) {
        return new OutputArchiver(client, new LocalDirectoryOutputStore(dir), formats, Duration.ofSeconds(30),
                Clock.fixed(NOW, ZoneOffset.UTC), new OutputUrlMetrics(meters));
    }

    private static SignedOutputUrls carried(Instant expiresAt) {
        return new SignedOutputUrls(XLSX_URL, null, JSON_URL, expiresAt);
    }

    private double requests(String reason) {
        return meters.get("pipeline.download.output.url.requests").tag("reason", reason).counter().count();
    }

    /** Stubs a download that writes {@code content} into the target path (the last Path argument). */
    private static org.mockito.stubbing.Stubber writes(String content) {
        return doAnswer(invocation -> {
            Object[] args = invocation.getArguments();
            Files.writeString((Path) args[args.length - 1], content);
            return (long) content.length();
        });
    }
}
