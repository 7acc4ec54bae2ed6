package dev.smo.optimizer.profiling;

import dev.smo.optimizer.internal.profiling.RobustLinearFit;
import java.util.List;

/**
 * Learns {@code rate = alpha·replicas + beta} from samples. The fit is pure: the same samples give the same result.
 *
 * <ol>
 *   <li>Samples with NaN, infinite or negative values, or no replica, are {@link SampleVerdict#INVALID}.
 *   <li>At each replica count, samples below {@link FitOptions#saturationShare()} of the 90th percentile of its rates
 *       are {@link SampleVerdict#UNSATURATED}: the service served less than it could.
 *   <li>A Theil–Sen line (median of the pairwise slopes between different replica counts) starts the iteration;
 *       samples beyond {@link FitOptions#residualCut()} robust sigmas are dropped, below the line as unsaturated,
 *       above it as {@link SampleVerdict#OUTLIER}s, and the least-squares line of the rest is fitted again until the
 *       set no longer changes.
 *   <li>The final ordinary least squares gives alpha, beta, R² and their t-based confidence intervals; the fit is
 *       refused when samples are too few, traffic is zero, one replica count remains, alpha is not clearly
 *       positive, or R² is low.
 * </ol>
 */
public final class ProfileFitter {

    private ProfileFitter() {}

    /**
     * @param samples the observations, in any order
     * @param options thresholds
     * @return the fit or its refusal
     */
    public static ProfileFit fit(List<ProfileSample> samples, FitOptions options) {
        return RobustLinearFit.fit(samples, options);
    }

    /**
     * @param samples the observations
     * @return the fit with {@link FitOptions#DEFAULTS}
     */
    public static ProfileFit fit(List<ProfileSample> samples) {
        return fit(samples, FitOptions.DEFAULTS);
    }
}
