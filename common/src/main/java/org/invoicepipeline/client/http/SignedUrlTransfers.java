package org.invoicepipeline.client.http;

import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.SignedUrls;
import org.invoicepipeline.client.upload.SingleByteRead;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.client.upload.UploadSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.FilterInputStream;
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
final class SignedUrlTransfers {

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
     * on retry; returns the ETag header exactly as returned. A source that cannot supply the range (truncated,
     * deleted, unreadable) fails with {@link UploadSourceException}, not as a transport failure.
     */
    public String uploadPart(String signedUrl, UploadSource source, long offset, long length) {
        URI uri = URI.create(signedUrl);
        String redacted = SignedUrls.redact(signedUrl);
        return executor.execute(Operation.UPLOAD_PART, attempt -> {
            SourceReads reads = new SourceReads(source, offset, length);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(readTimeout.plusSeconds(length / UPLOAD_BYTES_PER_SECOND))
                    .PUT(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(reads::open), length))
                    .build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // the JDK reports a body that could not be read as a failed send: say whose fault it was
                reads.throwIfFailed(e);
                throw e;
            }
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

    /**
     * The reads of one attempt's body: remembers why the source could not supply its range (the JDK's publisher
     * swallows a read error and only reports a short body).
     */
    private static final class SourceReads {
        private final UploadSource source;
        private final long offset;
        private final long length;
        private volatile IOException failure;

        SourceReads(UploadSource source, long offset, long length) {
            this.source = source;
            this.offset = offset;
            this.length = length;
        }

        InputStream open() {
            try {
                return new RecordingStream(source.openRange(offset, length));
            } catch (IOException e) {
                failure = e;
                throw new UncheckedIOException(e);
            }
        }

        void throwIfFailed(IOException sendFailure) {
            IOException cause = failure;
            if (cause != null) {
                UploadSourceException unreadable = new UploadSourceException(source.fileName(), offset, length, cause);
                unreadable.addSuppressed(sendFailure);
                throw unreadable;
            }
        }

        /** Records read errors, and an end before {@code length} bytes as an {@link EOFException}. */
        private final class RecordingStream extends FilterInputStream {
            private long read;

            RecordingStream(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                return SingleByteRead.readOne(this);
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                try {
                    int n = in.read(buffer, off, len);
                    if (n < 0 && read < length) {
                        failure = new EOFException("source ended after " + read + " of " + length + " bytes");
                    }
                    read += Math.max(0, n);
                    return n;
                } catch (IOException e) {
                    failure = e;
                    throw e;
                }
            }
        }
    }
}
