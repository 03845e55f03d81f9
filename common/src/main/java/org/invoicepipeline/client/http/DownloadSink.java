package org.invoicepipeline.client.http;

import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a downloaded file goes. A file is rewritten from the start on every attempt (written beside the target,
 * then moved over it); a caller's stream can only be retried while nothing has been written to it.
 */
interface DownloadSink {

    /** Copies the whole body and returns the number of bytes written. */
    long write(InputStream body) throws IOException;

    static DownloadSink toFile(Path target) {
        return body -> {
            Path parent = target.toAbsolutePath().getParent();
            Path partial = Files.createTempFile(parent, target.getFileName().toString(), ".part");
            try {
                long written;
                try (OutputStream out = Files.newOutputStream(partial)) {
                    written = body.transferTo(out);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return written;
            } finally {
                Files.deleteIfExists(partial);
            }
        };
    }

    static DownloadSink toStream(OutputStream target) {
        return new DownloadSink() {
            private long written;

            @Override
            public long write(InputStream body) throws IOException {
                if (written > 0) {
                    throw new InvoiceExtractionException(Operation.DOWNLOAD_OUTPUT, "download interrupted after "
                            + written + " bytes were written to the caller's stream; it cannot be retried", null);
                }
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    target.write(buffer, 0, n);
                    written += n;
                }
                return written;
            }
        };
    }
}
