package org.invoicepipeline.download.fetch;

import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.events.SignedOutputUrls;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one output file is fetched from: the signed URL the completed status carried while it is still valid
 * (no API call), or a fresh one from the output endpoint (30 calls/min) when none was carried or it has expired.
 * A carried set that has no URL for the format says the format was not generated: nothing to fetch.
 */
public enum OutputUrlChoice {

    /** Use the carried URL; a refusal of it still falls back to the output endpoint. */
    CARRIED_URL,
    /** The completed status said this format was not generated: skip it without a call. */
    NOT_GENERATED,
    /** No URLs were carried (older event, or the poll stage does not carry them): ask the output endpoint. */
    REQUEST_NONE_CARRIED,
    /** The carried URL has (almost) expired: ask the output endpoint. */
    REQUEST_EXPIRED;

    /**
     * @param carried     the URLs the event carried, or null
     * @param now         the current time
     * @param minValidity how much validity a carried URL must still have to be used
     */
    public static OutputUrlChoice of(SignedOutputUrls carried, OutputFormat format, Instant now, Duration minValidity) {
        if (carried == null) {
            return REQUEST_NONE_CARRIED;
        }
        if (urlOf(carried, format) == null) {
            return NOT_GENERATED;
        }
        if (carried.getExpiresAt() == null || now.plus(minValidity).isAfter(carried.getExpiresAt())) {
            return REQUEST_EXPIRED;
        }
        return CARRIED_URL;
    }

    /** The carried URL of {@code format}, or null. */
    public static String urlOf(SignedOutputUrls carried, OutputFormat format) {
        return switch (format) {
            case XLSX -> carried.getXlsxUrl();
            case CSV -> carried.getCsvUrl();
            case JSON -> carried.getJsonUrl();
            case UNRECOGNISED -> null;
        };
    }
}
