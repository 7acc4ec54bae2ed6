package dev.smo.optimizer.profiling;

import dev.smo.optimizer.milp.InvalidModelException;

/**
 * Thresholds of {@link ProfileFitter}.
 *
 * @param minSamples fewest samples the final regression may use (≥ 3)
 * @param minRSquared lowest R² accepted, in [0, 1]
 * @param saturationShare a sample whose rate is below this share of the 90th percentile of the rates seen at its
 *     replica count is taken as not saturated, in [0, 1]
 * @param residualCut samples whose residual is beyond this many robust standard deviations (1.4826·MAD) are dropped:
 *     below the line as unsaturated, above as outliers (> 0)
 * @param confidence level of the confidence intervals, in (0, 1)
 */
public record FitOptions(
        int minSamples, double minRSquared, double saturationShare, double residualCut, double confidence) {

    /** 10 samples, R² ≥ 0.8, 0.7 of the 90th percentile, 3 robust sigmas, 95 % intervals. */
    public static final FitOptions DEFAULTS = new FitOptions(10, 0.8, 0.7, 3.0, 0.95);

    /** Checks ranges. */
    public FitOptions {
        if (minSamples < 3
                || !(minRSquared >= 0 && minRSquared <= 1)
                || !(saturationShare >= 0 && saturationShare <= 1)
                || !(residualCut > 0)
                || Double.isInfinite(residualCut)
                || !(confidence > 0 && confidence < 1)) {
            throw new InvalidModelException("FitOptions out of range: minSamples (" + minSamples + ") >= 3, "
                    + "minRSquared (" + minRSquared + ") and saturationShare (" + saturationShare + ") in [0, 1], "
                    + "residualCut (" + residualCut + ") > 0, confidence (" + confidence + ") in (0, 1).");
        }
    }
}
