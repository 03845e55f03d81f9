package org.invoicepipeline.upload.validation;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.invoicepipeline.common.kafka.RecordRejectedException;

/**
 * Opens a PDF the way the API does, to find the two things that fail a whole extraction rather than a page: a PDF
 * that needs a password to open ({@code ENCRYPTED_FILE}; one with only an owner password opens with the empty
 * password and passes) and a PDF over the API's page limit ({@code FILE_PAGE_LIMIT_EXCEEDED}). Memory stays
 * bounded whatever the size: the file is read through a small buffered window and any stream PDFBox has to cache
 * goes to a temp file; only the cross-reference data and the page tree are parsed, no page content. A PDF PDFBox
 * cannot parse for another reason is left to the API (it fails such files page by page), as before.
 */
final class PdfOpening {

    /** The API's page limit per PDF (OpenAPI: {@code file_size_bytes}: "up to 5,000 pages"). */
    static final int API_MAX_PAGES = 5_000;

    private PdfOpening() {
    }

    /** Throws {@link RecordRejectedException} when the PDF at {@code path} needs a password or has too many pages. */
    static void check(Path path, int maxPages) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(path), "",
                MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > maxPages) {
                throw new RecordRejectedException(RejectionCodes.FILE_PAGE_LIMIT_EXCEEDED,
                        "the PDF has " + pages + " pages; the API accepts at most " + maxPages);
            }
        }
        catch (InvalidPasswordException e) {
            throw new RecordRejectedException(RejectionCodes.ENCRYPTED_FILE,
                    "the PDF needs a password to open; remove the password (an owner password alone is fine)");
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof RecordRejectedException rejected) {
                throw rejected;
            }
            // not readable by PDFBox for another reason: the content check found both ends; the API judges the rest
        }
    }

}
