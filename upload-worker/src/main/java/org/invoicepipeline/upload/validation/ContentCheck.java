package org.invoicepipeline.upload.validation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a file's ends are those of a whole document of the kind its name declares, checked the way readers
 * check them, so a damaged file is dead-lettered here instead of being uploaded, charged and failed by the API:
 * <ul>
 *   <li>PDF: {@code %PDF-} within the first 1,024 bytes and {@code %%EOF} within the last 1,024 (readers tolerate
 *       junk around both, so neither has to be at the very start or end). A truncated PDF lacks the marker.
 *       Encryption does not change either, so an encrypted PDF passes (the API reports it itself).</li>
 *   <li>PNG: the 8-byte signature at the start and the {@code IEND} chunk within the last 1,024 bytes.</li>
 *   <li>JPEG: the start of image FF D8 FF at the start and the end of image FF D9 within the last 1,024 bytes.</li>
 * </ul>
 * An image's format is taken from its bytes: a JPEG named {@code .png} is still a readable image (readers sniff
 * it), but an image named {@code .pdf}, or a PDF named {@code .jpg}, is not what its name says.
 */
final class ContentCheck {

    private static final byte[] PDF_HEADER = ascii("%PDF-");
    private static final byte[] PDF_END = ascii("%%EOF");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PNG_END = ascii("IEND");
    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};

    private ContentCheck() {
    }

    /** What is wrong with a file of {@code declared} kind with these ends, or empty when it looks whole. */
    static Optional<String> problem(FileEnds ends, FileKind declared) {
        Format actual = Format.of(ends.head());
        if (declared == FileKind.PDF) {
            if (actual == Format.PNG || actual == Format.JPEG) {
                return Optional.of("content is a " + actual + " image, not the PDF its name says");
            }
            if (actual != Format.PDF) {
                return Optional.of("no PDF header (%PDF-) in the first " + FileEnds.WINDOW + " bytes: not a PDF");
            }
            return indexOf(ends.tail(), PDF_END) < 0
                    ? Optional.of("no end-of-file marker (%%EOF) in the last " + FileEnds.WINDOW
                            + " bytes: the PDF is truncated or damaged")
                    : Optional.empty();
        }
        return switch (actual) {
            case PDF -> Optional.of("content is a PDF, not the image its name says");
            case UNKNOWN -> Optional.of("no PNG signature or JPEG start of image (FF D8 FF) at the start: not an image");
            case PNG -> indexOf(ends.tail(), PNG_END) < 0
                    ? Optional.of("no PNG end chunk (IEND) in the last " + FileEnds.WINDOW
                            + " bytes: the image is truncated or damaged")
                    : Optional.empty();
            case JPEG -> indexOf(ends.tail(), JPEG_END) < 0
                    ? Optional.of("no JPEG end of image (FF D9) in the last " + FileEnds.WINDOW
                            + " bytes: the image is truncated or damaged")
                    : Optional.empty();
        };
    }

    /** What a file's first bytes say it is; image signatures must be at the very start, a PDF header may follow junk. */
    private enum Format {
        PDF, PNG, JPEG, UNKNOWN;

        static Format of(byte[] head) {
            if (startsWith(head, PNG_SIGNATURE)) {
                return PNG;
            }
            if (startsWith(head, JPEG_START)) {
                return JPEG;
            }
            return indexOf(head, PDF_HEADER) >= 0 ? PDF : UNKNOWN;
        }
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

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
