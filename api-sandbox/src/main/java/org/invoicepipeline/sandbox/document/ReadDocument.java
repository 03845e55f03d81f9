package org.invoicepipeline.sandbox.document;

import java.util.List;
import java.util.Objects;

/**
 * What {@link DocumentReader} found in one file.
 *
 * @param fileName  the file name as uploaded (used in {@code Source File} cells and page references)
 * @param kind      PDF, image or unsupported
 * @param pageCount the number of pages the file declares (1 for an image, 1 for an unreadable file)
 * @param pages     one entry per page, in order; empty when the file is encrypted or over the page limit
 * @param encrypted the PDF is password protected (the extraction fails with {@code ENCRYPTED_FILE})
 */
public record ReadDocument(String fileName, DocumentKind kind, int pageCount, List<ReadPage> pages, boolean encrypted) {

    /** The most pages a PDF may have; more fails the extraction with {@code FILE_PAGE_LIMIT_EXCEEDED}. */
    public static final int MAX_PAGES = 5_000;

    public ReadDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
        pages = List.copyOf(pages);
    }

    /** More than {@link #MAX_PAGES} pages: the engine fails the extraction with {@code FILE_PAGE_LIMIT_EXCEEDED}. */
    public boolean exceedsPageLimit() {
        return pageCount > MAX_PAGES;
    }

    /** An image: one page without a text layer (the sandbox does no OCR). */
    public boolean image() {
        return kind == DocumentKind.IMAGE;
    }

    public List<ReadPage> successfulPages() {
        return pages.stream().filter(ReadPage::successful).toList();
    }

    public List<ReadPage> failedPages() {
        return pages.stream().filter(page -> !page.successful()).toList();
    }

    /** The whole text layer of the successful pages, pages separated by a form feed. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ReadPage page : successfulPages()) {
            if (text.length() > 0) {
                text.append('\f');
            }
            text.append(page.text());
        }
        return text.toString();
    }
}
