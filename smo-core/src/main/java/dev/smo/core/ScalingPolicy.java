package dev.smo.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scaling loop damps its decisions, as Kubernetes' HorizontalPodAutoscaler does: a scale-down takes the
 * highest recommendation of the last {@code scaleDownStabilisation} (so a dip in a noisy metric does not remove
 * replicas that the next round adds back), and no round changes a service by more than {@code maxChange} replicas.
 *
 * @param scaleDownStabilisation window of recommendations a scale-down looks back over (≥ 0; 0 scales down at once)
 * @param maxChange most replicas added or removed per service in one round (≥ 1)
 */
public record ScalingPolicy(Duration scaleDownStabilisation, int maxChange) {

    /** HPA's default scale-down window, 300 s, and at most 4 replicas per round. */
    public static final ScalingPolicy DEFAULTS = new ScalingPolicy(Duration.ofMinutes(5), 4);

    /** No damping: every round applies the model's replicas at once. */
    public static final ScalingPolicy IMMEDIATE = new ScalingPolicy(Duration.ZERO, Integer.MAX_VALUE);

    /**
     * Checks ranges.
     *
     * @throws IllegalArgumentException when the window is negative or maxChange below 1
     */
    public ScalingPolicy {
        Objects.requireNonNull(scaleDownStabilisation, "scaleDownStabilisation");
        if (scaleDownStabilisation.isNegative() || maxChange < 1) {
            throw new IllegalArgumentException("Scaling policy window (" + scaleDownStabilisation
                    + ") must be >= 0 and maxChange (" + maxChange + ") >= 1.");
        }
    }
}
