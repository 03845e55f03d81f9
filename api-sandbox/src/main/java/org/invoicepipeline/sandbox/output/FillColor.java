package org.invoicepipeline.sandbox.output;

import java.util.Locale;

/** The contract's {@code FillColor}: the background of XLSX cells that need review. */
public enum FillColor {
    NONE(null),
    YELLOW("FFFF00"),
    ORANGE("FFC000"),
    RED("FF0000");

    private final String rgbHex;

    FillColor(String rgbHex) {
        this.rgbHex = rgbHex;
    }

    /** The RGB colour as six hex digits (e.g. {@code FFC000}); {@code null} for {@link #NONE}. */
    public String rgbHex() {
        return rgbHex;
    }

    /** The colour as three RGB bytes; {@code null} for {@link #NONE}. */
    public byte[] rgb() {
        if (rgbHex == null) {
            return null;
        }
        return new byte[] {
                (byte) Integer.parseInt(rgbHex.substring(0, 2), 16),
                (byte) Integer.parseInt(rgbHex.substring(2, 4), 16),
                (byte) Integer.parseInt(rgbHex.substring(4, 6), 16)};
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code none}, {@code yellow}, {@code orange} or {@code red}. */
    public static FillColor fromWire(String value) {
        for (FillColor color : values()) {
            if (color.wireValue().equals(value)) {
                return color;
            }
        }
        throw new IllegalArgumentException("Unknown fill colour: " + value);
    }
}
