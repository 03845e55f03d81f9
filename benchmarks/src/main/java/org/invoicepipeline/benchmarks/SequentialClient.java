package org.invoicepipeline.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.client.model.OutputStructure;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.upload.UploadSource;

/**
 * An integration written the way the vendor's language guides show it: one upload session, each file uploaded in
 * turn, one extraction, its status polled every 5 seconds without {@code wait}, then the rows and the JSON output.
 */
final class SequentialClient {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private final InvoiceExtractionClient client;

    SequentialClient(InvoiceExtractionClient client) {
        this.client = client;
    }

    /** Runs the files of {@code dir} through the API; returns the rows received. */
    long run(Path dir, String sessionId) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        List<UploadFileSpec> specs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            specs.add(new UploadFileSpec("f" + i, files.get(i).getFileName().toString(), Files.size(files.get(i))));
        }
        UploadSession session = client.createUploadSession(sessionId, specs);
        for (int i = 0; i < files.size(); i++) {
            client.uploadFile(session, "f" + i, UploadSource.ofPath(files.get(i)));
        }
        String extractionId = client.submitExtraction(SubmitExtractionRequest.builder()
                .submissionId(sessionId + "-1").uploadSessionId(sessionId)
                .fileIds(specs.stream().map(UploadFileSpec::fileId).toList()).taskName("Sequential client")
                .prompt("Extract invoice number, invoice date, due date, vendor name, buyer name, currency, net amount, "
                        + "tax amount and total amount")
                .outputStructure(OutputStructure.PER_INVOICE).build()).extractionId();
        ExtractionStatus status = client.getExtraction(extractionId);
        while (!status.isTerminal()) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            status = client.getExtraction(extractionId);
        }
        long rows;
        try (Stream<?> all = client.resultRows(extractionId)) {
            rows = all.count();
        }
        client.downloadOutput(extractionId, OutputFormat.JSON, OutputStream.nullOutputStream());
        return rows;
    }
}
