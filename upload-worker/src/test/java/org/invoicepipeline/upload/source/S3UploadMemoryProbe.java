package org.invoicepipeline.upload.source;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.common.storage.S3Connection;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.session.SessionOutcome;
import org.invoicepipeline.upload.session.SessionUploader;

/**
 * Run in a forked JVM with a small heap by {@link S3UploadMemoryIT}: resolves one S3 object through
 * {@link S3SourceStore} and uploads it with the stage's {@link SessionUploader} (ranged GETs, SHA-256 checked) to the
 * sandbox of the parent JVM, then prints the heap it peaked at. Arguments: S3 endpoint, s3:// URI, SHA-256, sandbox
 * base URL, API key. Exits 0 when the file completed.
 */
public final class S3UploadMemoryProbe {

    private S3UploadMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        S3Connection connection = new S3Connection();
        connection.setEndpoint(URI.create(args[0]));
        connection.setPathStyleAccess(true);
        ClientOptions options = ClientOptions.builder(name -> null)
                .baseUrl(args[3]).apiKey(args[4]).rateLimitScale(60).readTimeout(Duration.ofSeconds(60)).build();
        try (SourceStores sources = new SourceStores(List.of(new S3SourceStore(connection.newClient(),
                new S3Locations(List.of("s3://" + URI.create(args[1]).getAuthority() + "/")))));
             InvoiceExtractionClient client = InvoiceExtractionClient.create(options)) {
            SourceObject object = sources.resolve(args[1]).object();
            PlannedFile file = new PlannedFile("file_1", "large-invoice.pdf", "large-invoice.pdf", object.uri(),
                    object.location(), object.sizeBytes(), "application/pdf", 0L, Map.of(), args[2], null,
                    object.identity(), 0);
            SessionUploader uploader = new SessionUploader(client, sources, 1, Duration.ofSeconds(1));
            SessionOutcome outcome;
            try {
                outcome = uploader.upload(new PlannedSession("sess_s3_large", "std", null, 0L, List.of(file)));
            }
            finally {
                uploader.destroy();
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.println("completed=" + outcome.completed().stream().map(PlannedFile::fileId).toList()
                    + " failed=" + outcome.failed() + " size=" + object.sizeBytes()
                    + " maxHeap=" + Runtime.getRuntime().maxMemory() + " peakHeapUsedSum=" + peak);
            System.exit(outcome.completed().size() == 1 ? 0 : 1);
        }
    }
}
