package com.plccoach.migrations.maven;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/** Reads durations as people write them in a pom: 500ms, 10s, 5m, 1h, or ISO-8601 PT10S. */
final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    static Duration parse(String property, String text) throws MojoFailureException {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = SIMPLE.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new MojoFailureException(property + " is '" + text + "', not a duration: write it as 500ms, 10s, 5m, 1h or PT10S");
        }
    }

    static String format(Duration duration) {
        long ms = duration.toMillis();
        return ms < 10_000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
