package org.invoicepipeline.sandbox.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/** The opaque {@code next_cursor} of listExtractions: the position after the last item served. */
final class ExtractionCursor {

    private static final String PREFIX = "xcur1:";

    private ExtractionCursor() {
    }

    static String encode(long lastSequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastSequence).getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence encoded in a cursor; empty when the cursor was not issued by the sandbox. */
    static OptionalLong decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}
