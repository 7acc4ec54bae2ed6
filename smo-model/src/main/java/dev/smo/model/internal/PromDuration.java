package dev.smo.model.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus durations ({@code 1m}, {@code 30s}, {@code 1h30m}, {@code 2d}, {@code 1w}, {@code 1y}, {@code 500ms}). */
public final class PromDuration {

    private static final Pattern SYNTAX =
            Pattern.compile("(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1
    };

    private PromDuration() {}

    /** @return the duration, or empty when the text is not a Prometheus duration */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            long millis = 0;
            for (int group = 1; group <= UNIT_MILLIS.length; group++) {
                String digits = matcher.group(group);
                if (digits != null) {
                    millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(digits), UNIT_MILLIS[group - 1]));
                }
            }
            return Optional.of(Duration.ofMillis(millis));
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return the shortest Prometheus text for the duration, such as {@code 1h30m}; {@code 0s} for zero */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        String[] units = {"d", "h", "m", "s", "ms"};
        long[] sizes = {86_400_000, 3_600_000, 60_000, 1000, 1};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < units.length; i++) {
            long amount = millis / sizes[i];
            if (amount > 0) {
                text.append(amount).append(units[i]);
                millis -= amount * sizes[i];
            }
        }
        return text.toString();
    }
}
