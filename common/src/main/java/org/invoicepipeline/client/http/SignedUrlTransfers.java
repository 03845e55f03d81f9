package org.invoicepipeline.client.http;

import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.SignedUrls;
import org.invoicepipeline.client.upload.UploadSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Transfers to and from storage behind signed URLs: the URL is the credential, so no Authorization header is
 * sent, and it is logged without its query string. Retried like API calls; not rate-limited.
 */
public final class SignedUrlTransfers {

    private static final Logger log = LoggerFactory.getLogger(SignedUrlTransfers.class);
    /** Time allowed per byte of a part upload on top of the read timeout: at least 256 KiB/s. */
    private static final long UPLOAD_BYTES_PER_SECOND = 256 * 1024;

    private final HttpClient http;
    private final RequestExecutor executor;
    private final Duration readTimeout;

    public SignedUrlTransfers(HttpClient http, RequestExecutor executor, Duration readTimeout) {
        this.http = http;
        this.executor = executor;
        this.readTimeout = readTimeout;
    }

    /**
     * PUTs one range of the source as raw bytes (no Content-Type), streamed with its Content-Length and re-read
     * on retry; returns the ETag header exactly as returned.
     */
    public String uploadPart(String signedUrl, UploadSource source, long offset, long length) {
        URI uri = URI.create(signedUrl);
        String redacted = SignedUrls.redact(signedUrl);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout.plusSeconds(length / UPLOAD_BYTES_PER_SECOND))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> openRange(source, offset, length)), length))
                .build();
        return executor.execute(Operation.UPLOAD_PART, attempt -> {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            log.debug("PUT {} ({} bytes) attempt {} -> {} in {} ms", redacted, length, attempt,
                    response.statusCode(), (System.nanoTime() - start) / 1_000_000);
            if (response.statusCode() / 100 != 2) {
                throw new SignedUrlException(Operation.UPLOAD_PART, response.statusCode(), redacted);
            }
            return response.headers().firstValue("ETag").orElseThrow(() -> new InvoiceExtractionException(
                    Operation.UPLOAD_PART, "PUT to " + redacted + " answered without an ETag", null));
        });
    }

    /** GETs a file into the sink; a refused URL surfaces as {@link SignedUrlException} ({@code isExpired()} on 403). */
    public long download(String signedUrl, DownloadSink sink) {
        String redacted = SignedUrls.redact(signedUrl);
        HttpRequest request = HttpRequest.newBuilder(URI.create(signedUrl)).timeout(readTimeout).GET().build();
        return executor.execute(Operation.DOWNLOAD_OUTPUT, attempt -> {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    body.transferTo(OutputStream.nullOutputStream());
                    throw new SignedUrlException(Operation.DOWNLOAD_OUTPUT, response.statusCode(), redacted);
                }
                long written = sink.write(body);
                log.debug("GET {} attempt {} -> {} bytes", redacted, attempt, written);
                return written;
            }
        });
    }

    private static InputStream openRange(UploadSource source, long offset, long length) {
        try {
            return source.openRange(offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
