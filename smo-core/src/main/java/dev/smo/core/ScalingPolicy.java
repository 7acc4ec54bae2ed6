package dev.smo.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scaling loop damps its decisions, as Kubernetes' HorizontalPodAutoscaler does: a scale-down takes the
 * highest recommendation of the last {@code scaleDownStabilisation} (so a dip in a noisy metric does not remove
 * replicas that the next round adds back), no round changes a service by more than {@code maxChange} replicas, and
 * a recommendation within {@code tolerance} of the running count ({@code |recommended/current − 1| ≤ tolerance}, as
 * the HPA's {@code --horizontal-pod-autoscaler-tolerance}) changes nothing.
 *
 * @param scaleDownStabilisation window of recommendations a scale-down looks back over (≥ 0; 0 scales down at once)
 * @param maxChange most replicas added or removed per service in one round (≥ 1)
 * @param tolerance relative change below which replicas stay as they are, in [0, 1) (0: every change is applied)
 */
public record ScalingPolicy(Duration scaleDownStabilisation, int maxChange, double tolerance) {

    /** The HPA's default tolerance, 10 %. */
    public static final double DEFAULT_TOLERANCE = 0.1;

    /** HPA's default scale-down window, 300 s, its 10 % tolerance, and at most 4 replicas per round. */
    public static final ScalingPolicy DEFAULTS = new ScalingPolicy(Duration.ofMinutes(5), 4);

    /** No damping: every round applies the model's replicas at once. */
    public static final ScalingPolicy IMMEDIATE = new ScalingPolicy(Duration.ZERO, Integer.MAX_VALUE, 0);

    /**
     * Checks ranges.
     *
     * @throws IllegalArgumentException when the window is negative, maxChange below 1 or tolerance outside [0, 1)
     */
    public ScalingPolicy {
        Objects.requireNonNull(scaleDownStabilisation, "scaleDownStabilisation");
        if (scaleDownStabilisation.isNegative() || maxChange < 1) {
            throw new IllegalArgumentException("Scaling policy window (" + scaleDownStabilisation
                    + ") must be >= 0 and maxChange (" + maxChange + ") >= 1.");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("Scaling policy tolerance (" + tolerance + ") must be in [0, 1).");
        }
    }

    /**
     * A policy with the HPA's default tolerance ({@value #DEFAULT_TOLERANCE}).
     *
     * @param scaleDownStabilisation window of recommendations a scale-down looks back over
     * @param maxChange most replicas added or removed per service in one round
     */
    public ScalingPolicy(Duration scaleDownStabilisation, int maxChange) {
        this(scaleDownStabilisation, maxChange, DEFAULT_TOLERANCE);
    }

    /**
     * @param tolerance the new tolerance
     * @return this policy with that tolerance
     */
    public ScalingPolicy withTolerance(double tolerance) {
        return new ScalingPolicy(scaleDownStabilisation, maxChange, tolerance);
    }
}
