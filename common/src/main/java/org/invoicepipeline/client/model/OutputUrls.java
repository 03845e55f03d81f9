package org.invoicepipeline.client.model;

import java.util.Optional;

/** Signed output URLs valid for 5 minutes; a URL is {@code null} when its format was not generated or expired. */
public record OutputUrls(String xlsxUrl, String csvUrl, String jsonUrl) {

    public Optional<String> urlFor(OutputFormat format) {
        return Optional.ofNullable(switch (format) {
            case XLSX -> xlsxUrl;
            case CSV -> csvUrl;
            case JSON -> jsonUrl;
            case UNRECOGNISED -> null;
        });
    }
}
