package org.invoicepipeline.client.sandbox;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.CompletedFile;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.upload.UploadSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run in a forked JVM with a small heap by {@link BoundedMemoryUploadIT}: uploads one file to the sandbox of the
 * parent JVM and prints the heap it peaked at. Arguments: base URL, key, file, session id. Exits 0 on success.
 */
public final class UploadMemoryProbe {

    private UploadMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        ClientOptions options = ClientOptions.builder(name -> null)
                .baseUrl(args[0]).apiKey(args[1]).rateLimitScale(SandboxFixture.RATE_SCALE)
                .readTimeout(Duration.ofSeconds(60)).build();
        UploadSource source = UploadSource.ofPath(Path.of(args[2]));
        try (InvoiceExtractionClient client = InvoiceExtractionClient.create(options)) {
            UploadSession session = client.createUploadSession(args[3],
                    List.of(new UploadFileSpec("file_1", source.fileName(), source.sizeBytes())));
            CompletedFile completed = client.uploadFile(session, "file_1", source);
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.println("completed=" + completed.fileId() + " maxHeap=" + Runtime.getRuntime().maxMemory()
                    + " peakHeapUsedSum=" + peak);
        }
    }
}
