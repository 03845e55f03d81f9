package org.invoicepipeline.sandbox.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads an uploaded file into pages of text. Pure and thread-safe: no state, one PDFBox document per call.
 *
 * <ul>
 *   <li>PDF: page count and each page's text layer. A PDF that needs a password to open is flagged
 *       {@link ReadDocument#encrypted()} (a PDF with only an owner password opens and is read normally).
 *       A PDF over {@link ReadDocument#MAX_PAGES} pages is only counted, not read.</li>
 *   <li>PNG/JPEG: one page without text (the sandbox does no OCR), checked by its signature bytes.</li>
 *   <li>Anything unparseable (corrupt, truncated, wrong signature, unsupported extension): one page,
 *       failed with {@link PageFailure#FILE_UNREADABLE}.</li>
 * </ul>
 */
public final class DocumentReader {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** Reads a file held in memory. */
    public ReadDocument read(String fileName, byte[] bytes) {
        return switch (DocumentKind.ofFileName(fileName)) {
            case PDF -> readPdf(fileName, new RandomAccessReadBuffer(bytes));
            case IMAGE -> readImage(fileName, Arrays.copyOf(bytes, Math.min(bytes.length, PNG_SIGNATURE.length)));
            case UNSUPPORTED -> unreadable(fileName, DocumentKind.UNSUPPORTED,
                    "The file type is not supported; upload a PDF, JPG, JPEG or PNG file.");
        };
    }

    /** Reads a file from disk without loading it whole into memory (for large PDFs). */
    public ReadDocument read(String fileName, Path file) {
        try {
            return switch (DocumentKind.ofFileName(fileName)) {
                case PDF -> readPdf(fileName, new RandomAccessReadBufferedFile(file));
                case IMAGE -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        yield readImage(fileName, in.readNBytes(PNG_SIGNATURE.length));
                    }
                }
                case UNSUPPORTED -> unreadable(fileName, DocumentKind.UNSUPPORTED,
                        "The file type is not supported; upload a PDF, JPG, JPEG or PNG file.");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private ReadDocument readPdf(String fileName, RandomAccessRead source) {
        try (PDDocument document = Loader.loadPDF(source)) {
            int pageCount = document.getNumberOfPages();
            if (pageCount > ReadDocument.MAX_PAGES) {
                return new ReadDocument(fileName, DocumentKind.PDF, pageCount, List.of(), false);
            }
            if (pageCount == 0) {
                return new ReadDocument(fileName, DocumentKind.PDF, 0, List.of(), false);
            }
            List<ReadPage> pages = new ArrayList<>(pageCount);
            PDFTextStripper stripper = new ColumnTextStripper();
            for (int number = 1; number <= pageCount; number++) {
                pages.add(readPage(document, stripper, number));
            }
            return new ReadDocument(fileName, DocumentKind.PDF, pageCount, pages, false);
        } catch (InvalidPasswordException e) {
            return new ReadDocument(fileName, DocumentKind.PDF, 0, List.of(), true);
        } catch (IOException | RuntimeException e) {
            // PDFBox reports broken files with IOExceptions and, for some damage, runtime exceptions.
            return unreadable(fileName, DocumentKind.PDF,
                    "The PDF could not be read; it may be damaged or incomplete. Re-export it and upload it again.");
        }
    }

    private static ReadPage readPage(PDDocument document, PDFTextStripper stripper, int number) {
        try {
            stripper.setStartPage(number);
            stripper.setEndPage(number);
            return ReadPage.ok(number, stripper.getText(document));
        } catch (IOException | RuntimeException e) {
            return ReadPage.failed(number, new PageFailure(PageFailure.PAGE_UNREADABLE,
                    "This page could not be read; it may be damaged."));
        }
    }

    private static ReadDocument readImage(String fileName, byte[] head) {
        if (startsWith(head, PNG_SIGNATURE) || startsWith(head, JPEG_SIGNATURE)) {
            return new ReadDocument(fileName, DocumentKind.IMAGE, 1, List.of(ReadPage.ok(1, "")), false);
        }
        return unreadable(fileName, DocumentKind.IMAGE,
                "The image could not be read; it is not a valid PNG or JPEG file.");
    }

    private static ReadDocument unreadable(String fileName, DocumentKind kind, String message) {
        return new ReadDocument(fileName, kind, 1,
                List.of(ReadPage.failed(1, new PageFailure(PageFailure.FILE_UNREADABLE, message))), false);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
