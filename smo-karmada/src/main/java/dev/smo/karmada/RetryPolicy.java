package dev.smo.karmada;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a transient failure (connection refused, timeouts, HTTP 5xx, 429) is retried, with exponential
 * backoff between attempts.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry)
 * @param initialBackoff wait before the second attempt; doubled before each further one
 * @param maxBackoff upper bound of a single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** A single attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** Three attempts, waiting 2 s then 4 s (at most 30 s). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("The maxAttempts (" + maxAttempts + ") must be at least 1.");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException(
                    "The backoffs (" + initialBackoff + ", " + maxBackoff + ") must not be negative.");
        }
    }

    /**
     * @param maxAttempts attempts in all, at least 1
     * @param initialBackoff wait before the second attempt
     * @return a policy whose waits grow up to 30 times the initial one
     */
    public static RetryPolicy of(int maxAttempts, Duration initialBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, initialBackoff.multipliedBy(30));
    }

    /**
     * @param failedAttempts attempts that failed so far, at least 1
     * @return the wait before the next attempt: {@code initialBackoff × 2^(failedAttempts−1)}, capped at
     *         {@code maxBackoff}
     */
    public Duration backoff(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("The failedAttempts (" + failedAttempts + ") must be at least 1.");
        }
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
