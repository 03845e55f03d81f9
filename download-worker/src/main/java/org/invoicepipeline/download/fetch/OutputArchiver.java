package org.invoicepipeline.download.fetch;

import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.download.store.OutputStore;
import org.invoicepipeline.download.store.StoredObject;
import org.invoicepipeline.events.SignedOutputUrls;
import org.invoicepipeline.events.StoredOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies the output files of a completed extraction (XLSX, CSV, JSON as configured) from the API's signed
 * URLs into the {@link OutputStore}, under keys derived from the extraction id, so a replay overwrites the same
 * objects. A format the API did not generate is skipped. Only the configured formats are fetched, each from the
 * signed URL the completed status carried while it is valid ({@link OutputUrlChoice}); the output endpoint (30
 * calls/min) is asked only when that URL is absent, (almost) expired or refused. Signed URLs are never logged with
 * their query string.
 */
public final class OutputArchiver {

    private static final Logger log = LoggerFactory.getLogger(OutputArchiver.class);

    private final InvoiceExtractionClient client;
    private final OutputStore store;
    private final List<OutputFormat> formats;
    private final Duration minValidity;
    private final Clock clock;
    private final OutputUrlMetrics metrics;

    /** An archiver that always asks the output endpoint (nothing carried) and counts nothing. */
    public OutputArchiver(InvoiceExtractionClient client, OutputStore store, List<OutputFormat> formats) {
        this(client, store, formats, Duration.ofSeconds(30), Clock.systemUTC(),
                new OutputUrlMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    /**
     * @param minValidity a carried URL is used only while at least this much of its validity is left
     */
    public OutputArchiver(InvoiceExtractionClient client, OutputStore store, List<OutputFormat> formats,
                          Duration minValidity, Clock clock, OutputUrlMetrics metrics) {
        this.client = client;
        this.store = store;
        this.formats = List.copyOf(formats);
        this.minValidity = minValidity;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The store key of one output file of an extraction. */
    public static String keyOf(String extractionId, OutputFormat format) {
        return "extractions/" + extractionId + "/output." + extension(format);
    }

    public List<StoredOutput> archive(String extractionId) {
        return archive(extractionId, null);
    }

    /** As {@link #archive(String)}, using the signed URLs the completed status carried ({@code null}: none). */
    public List<StoredOutput> archive(String extractionId, SignedOutputUrls carried) {
        List<StoredOutput> stored = new ArrayList<>();
        for (OutputFormat format : formats) {
            OutputUrlChoice choice = OutputUrlChoice.of(carried, format, clock.instant(), minValidity);
            if (choice == OutputUrlChoice.NOT_GENERATED) {
                log.info("Extraction {} has no {} output (none in its completed status); skipped", extractionId,
                        extension(format));
                continue;
            }
            try {
                stored.add(archive(extractionId, format, carried, choice));
            }
            catch (ApiErrorException e) {
                if (e.errorCode() != ApiErrorCode.OUTPUT_NOT_AVAILABLE) {
                    throw e;
                }
                log.info("Extraction {} has no {} output; skipped", extractionId, extension(format));
            }
        }
        return stored;
    }

    private StoredOutput archive(String extractionId, OutputFormat format, SignedOutputUrls carried,
                                 OutputUrlChoice choice) {
        Path temp = null;
        try {
            temp = Files.createTempFile("extraction-output-", "." + extension(format));
            fetch(extractionId, format, carried, choice, temp);
            StoredObject object = store.put(keyOf(extractionId, format), temp);
            return StoredOutput.newBuilder()
                    .setFormat(extension(format))
                    .setUri(object.uri())
                    .setSizeBytes(object.sizeBytes())
                    .setSha256(object.sha256())
                    .build();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Storing the " + extension(format) + " output of " + extractionId
                    + " failed", e);
        }
        finally {
            deleteQuietly(temp);
        }
    }

    /** Into {@code target}: from the carried URL when chosen, else (or when storage refuses it) from a fresh one. */
    private void fetch(String extractionId, OutputFormat format, SignedOutputUrls carried, OutputUrlChoice choice,
                       Path target) {
        if (choice == OutputUrlChoice.CARRIED_URL) {
            try {
                client.downloadOutputFrom(OutputUrlChoice.urlOf(carried, format), target);
                metrics.fetched(true);
                return;
            }
            catch (SignedUrlException e) {
                // the message carries the URL without its query string
                log.info("Carried {} URL of extraction {} refused ({}); requesting a fresh one", extension(format),
                        extractionId, e.getMessage());
                metrics.requested(OutputUrlMetrics.Reason.REFUSED);
            }
        }
        else {
            metrics.requested(choice == OutputUrlChoice.REQUEST_EXPIRED ? OutputUrlMetrics.Reason.EXPIRED
                    : OutputUrlMetrics.Reason.NONE_CARRIED);
        }
        client.downloadOutput(extractionId, format, target);
        metrics.fetched(false);
    }

    private static String extension(OutputFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            }
            catch (IOException e) {
                log.debug("Could not delete temporary file {}", temp, e);
            }
        }
    }
}
