package org.invoicepipeline.client.upload;

import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.Operation;

import java.io.EOFException;
import java.io.IOException;

/**
 * The bytes of a part could not be read from its {@link UploadSource} while the part was being sent: the fault
 * is the source's (a file truncated or deleted mid-upload, a read error), not the API's or the network's, so it
 * is not retried and never reported as an unreachable API. {@link #sourceChanged()} tells a source that now has
 * fewer bytes than it declared (it changed since it was validated) from one that cannot be read.
 */
public class UploadSourceException extends InvoiceExtractionException {

    private final String fileName;
    private final boolean sourceChanged;

    public UploadSourceException(String fileName, long offset, long length, IOException cause) {
        super(Operation.UPLOAD_PART, "uploadPart could not read bytes " + offset + "+" + length + " of " + fileName
                + ": " + describe(cause), cause);
        this.fileName = fileName;
        this.sourceChanged = cause instanceof EOFException;
    }

    /** The source's file name. */
    public String fileName() {
        return fileName;
    }

    /** True when the source ended before its declared size: it changed after it was measured. */
    public boolean sourceChanged() {
        return sourceChanged;
    }

    private static String describe(IOException cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
