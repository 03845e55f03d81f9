package org.invoicepipeline.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered {@code details} object of an error envelope. */
public final class Details {

    private Details() {
    }

    /** {@code key1, value1, key2, value2, ...} as an insertion-ordered map (values may be null). */
    public static Map<String, Object> of(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
