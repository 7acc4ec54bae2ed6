package dev.smo.optimizer.scaling;

import dev.smo.optimizer.milp.InvalidModelException;

/**
 * Weights of the scaling objective
 * {@code cpu·Σ_s r_s·cpu_s / max_s(maxReplicas_s·cpu_s) + change·Σ_s |r_s − previous_s| / maxReplicas_s}.
 * Defaults ({@link #DEFAULTS}) are the original SMO's: 0.4 and 0.4.
 *
 * @param cpu weight of the normalised CPU term (≥ 0)
 * @param change weight of the normalised replica-change term (≥ 0)
 */
public record ScalingWeights(double cpu, double change) {

    /** cpu 0.4, change 0.4. */
    public static final ScalingWeights DEFAULTS = new ScalingWeights(0.4, 0.4);

    /** Checks ranges. */
    public ScalingWeights {
        if (!(cpu >= 0) || !(change >= 0) || Double.isInfinite(cpu) || Double.isInfinite(change)) {
            throw new InvalidModelException(
                    "ScalingWeights cpu (" + cpu + ") and change (" + change + ") must be finite and >= 0.");
        }
    }
}
