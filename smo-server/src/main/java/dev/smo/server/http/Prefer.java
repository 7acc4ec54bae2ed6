package dev.smo.server.http;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}, also among other preferences such as
 * {@code respond-async}): how long a client is willing to wait for the final answer of an asynchronous operation.
 */
final class Prefer {

    /** The longest wait honoured; longer ones are cut to it. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static final Pattern SEPARATOR = Pattern.compile("[,;]");

    private Prefer() {}

    /**
     * @param header the {@code Prefer} header, or {@code null}
     * @return the wait asked for, zero when none (or a malformed one), at most {@link #MAX_WAIT}
     */
    static Duration waitOf(String header) {
        if (header == null) {
            return Duration.ZERO;
        }
        for (String preference : SEPARATOR.splitAsStream(header).toList()) {
            String p = preference.trim().toLowerCase(Locale.ROOT);
            if (!p.startsWith("wait")) {
                continue;
            }
            String value = p.substring(4).trim();
            if (!value.startsWith("=")) {
                continue;
            }
            value = value.substring(1).trim().replace("\"", "");
            if (!value.matches("\\d{1,9}")) {
                return Duration.ZERO;
            }
            long seconds = Long.parseLong(value);
            return seconds >= MAX_WAIT.toSeconds() ? MAX_WAIT : Duration.ofSeconds(seconds);
        }
        return Duration.ZERO;
    }
}
