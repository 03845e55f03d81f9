package org.invoicepipeline.download.fetch;

import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.download.store.OutputStore;
import org.invoicepipeline.download.store.StoredObject;
import org.invoicepipeline.events.StoredOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies the output files of a completed extraction (XLSX, CSV, JSON as configured) from the API's signed
 * URLs into the {@link OutputStore}, under keys derived from the extraction id, so a replay overwrites the same
 * objects. A format the API did not generate is skipped.
 */
public final class OutputArchiver {

    private static final Logger log = LoggerFactory.getLogger(OutputArchiver.class);

    private final InvoiceExtractionClient client;
    private final OutputStore store;
    private final List<OutputFormat> formats;

    public OutputArchiver(InvoiceExtractionClient client, OutputStore store, List<OutputFormat> formats) {
        this.client = client;
        this.store = store;
        this.formats = List.copyOf(formats);
    }

    /** The store key of one output file of an extraction. */
    public static String keyOf(String extractionId, OutputFormat format) {
        return "extractions/" + extractionId + "/output." + extension(format);
    }

    public List<StoredOutput> archive(String extractionId) {
        List<StoredOutput> stored = new ArrayList<>();
        for (OutputFormat format : formats) {
            try {
                stored.add(archive(extractionId, format));
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

    private StoredOutput archive(String extractionId, OutputFormat format) {
        Path temp = null;
        try {
            temp = Files.createTempFile("extraction-output-", "." + extension(format));
            client.downloadOutput(extractionId, format, temp);
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
