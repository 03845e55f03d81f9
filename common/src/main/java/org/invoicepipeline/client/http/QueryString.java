package org.invoicepipeline.client.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Query parameters in insertion order, URL-encoded; {@code null} values are left out. */
final class QueryString {

    private final StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");

    public QueryString add(String name, String value) {
        if (value != null) {
            joiner.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return this;
    }

    /** {@code ?a=1&b=2}, or empty. */
    @Override
    public String toString() {
        return joiner.toString();
    }
}
