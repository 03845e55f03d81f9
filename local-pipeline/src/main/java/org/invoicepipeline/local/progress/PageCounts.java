package org.invoicepipeline.local.progress;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How many pages a registered file has, for the progress display's "pages processed of total": a PDF's page
 * count (read with PDFBox, which reads the page tree, not the content), 1 for an image, 0 for anything the API will
 * not process (unsupported, unreadable, encrypted or larger than {@link #MAX_PDF_BYTES}).
 */
public final class PageCounts {

    /** Larger PDFs are not opened for counting (the API refuses them anyway). */
    public static final long MAX_PDF_BYTES = 150L * 1024 * 1024;

    private PageCounts() {
    }

    public static int of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            long size = Files.size(file);
            if (size == 0) {
                return 0;
            }
            if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                return 1;
            }
            if (!name.endsWith(".pdf") || size > MAX_PDF_BYTES) {
                return 0;
            }
            try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
                return document.getNumberOfPages();
            }
        }
        catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
