package org.invoicepipeline.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * A {@code --since} value: a span back from now ({@code 30m}, {@code 6h}, {@code 7d}, {@code 45s}) or an ISO-8601
 * instant ({@code 2026-07-01T09:30:00Z}). Resolved against the clock when the command runs.
 */
public record TimeBound(Duration ago, Instant at) {

    private static final Pattern SPAN = Pattern.compile("(\\d+)([smhd])");

    public Instant resolve(Instant now) {
        return at != null ? at : now.minus(ago);
    }

    public static TimeBound parse(String text) {
        Matcher span = SPAN.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (span.matches()) {
            long n = Long.parseLong(span.group(1));
            Duration ago = switch (span.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new TimeBound(ago, null);
        }
        try {
            return new TimeBound(null, Instant.parse(text.trim()));
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a span (30m, 6h, 7d) nor an ISO instant"
                    + " (2026-07-01T09:30:00Z)");
        }
    }

    /** picocli converter for {@code --since}. */
    public static final class Converter implements CommandLine.ITypeConverter<TimeBound> {
        @Override
        public TimeBound convert(String value) {
            try {
                return parse(value);
            }
            catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return at != null ? at.toString() : ago.toString();
    }
}
