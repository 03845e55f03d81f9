package org.invoicepipeline.common.serde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How event values are encoded on the wire. */
public enum SerdeMode {

    /**
     * Avro single-object encoding ({@code C3 01} + 8-byte schema fingerprint + body), writer schemas
     * resolved from the schemas built into this module. No registry; the default.
     */
    SINGLE_OBJECT("single-object"),

    /**
     * Apicurio Registry serde in the Confluent-compatible wire format: magic byte {@code 0} + 4-byte content id + body.
     */
    REGISTRY("registry");

    private final String configValue;

    SerdeMode(String configValue) {
        this.configValue = configValue;
    }

    /** The value of {@link EventSerdeConfig#MODE} that selects this mode. */
    public String configValue() {
        return configValue;
    }

    public static SerdeMode fromConfigValue(String value) {
        if (value == null || value.isBlank()) {
            return SINGLE_OBJECT;
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(mode -> mode.configValue.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(EventSerdeConfig.MODE + " must be one of "
                        + Arrays.stream(values()).map(SerdeMode::configValue).collect(Collectors.joining(", "))
                        + ", not '" + value + "'"));
    }
}
