package dev.smo.model;

import dev.smo.model.internal.PromDuration;
import dev.smo.model.internal.Values;
import java.time.Duration;
import java.util.Map;

/**
 * The Prometheus alert of one event: it fires after {@code promQuery} has held for {@code gracePeriod}.
 *
 * @param promQuery the PromQL expression; validation requires it to be non-blank
 * @param gracePeriod how long the expression must hold (the rule's {@code for}); null when not given
 * @param gracePeriodText the duration as written, such as {@code 2m}; null exactly when {@code gracePeriod} is
 * @param description free text; may be null
 * @param extensions unknown fields of the condition
 */
public record AlertCondition(
        String promQuery,
        Duration gracePeriod,
        String gracePeriodText,
        String description,
        Map<String, Object> extensions) {

    /**
     * Fills whichever of {@code gracePeriod} and {@code gracePeriodText} is missing from the other.
     *
     * @throws IllegalArgumentException when the text is not a Prometheus duration, or does not equal the duration
     */
    public AlertCondition {
        if (gracePeriodText != null) {
            Duration parsed = PromDuration.parse(gracePeriodText).orElse(null);
            if (parsed == null) {
                throw new IllegalArgumentException("AlertCondition gracePeriod (" + gracePeriodText
                        + ") is not a Prometheus duration.\nMaybe write it like 30s, 2m, 1h30m or 2d.");
            }
            if (gracePeriod != null && !gracePeriod.equals(parsed)) {
                throw new IllegalArgumentException("AlertCondition gracePeriod (" + gracePeriod
                        + ") differs from its text (" + gracePeriodText + ").");
            }
            gracePeriod = parsed;
        } else if (gracePeriod != null) {
            gracePeriodText = PromDuration.format(gracePeriod);
        }
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param promQuery the PromQL expression
     * @param gracePeriod a Prometheus duration such as {@code 1m}, {@code 1h30m} or {@code 2d}; may be null
     * @param description free text; may be null
     * @return the condition
     * @throws IllegalArgumentException when {@code gracePeriod} is not a Prometheus duration
     */
    public static AlertCondition of(String promQuery, String gracePeriod, String description) {
        return new AlertCondition(promQuery, null, gracePeriod, description, Map.of());
    }
}
