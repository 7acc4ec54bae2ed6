package dev.smo.optimizer.internal.profiling;

import dev.smo.optimizer.profiling.FitOptions;
import dev.smo.optimizer.profiling.ProfileFit;
import dev.smo.optimizer.profiling.ProfileFit.Interval;
import dev.smo.optimizer.profiling.ProfileFit.Reason;
import dev.smo.optimizer.profiling.ProfileFit.Refusal;
import dev.smo.optimizer.profiling.ProfileSample;
import dev.smo.optimizer.profiling.SampleVerdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The fit {@link dev.smo.optimizer.profiling.ProfileFitter} describes. */
public final class RobustLinearFit {

    private static final int MAX_ROUNDS = 10;
    /** Robust sigma of a normal distribution from its median absolute deviation. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private final List<ProfileSample> samples;
    private final FitOptions options;
    private final SampleVerdict[] verdicts;
    private final int[] replicas;

    private RobustLinearFit(List<ProfileSample> samples, FitOptions options) {
        this.samples = List.copyOf(samples);
        this.options = options;
        this.verdicts = new SampleVerdict[this.samples.size()];
        this.replicas = new int[this.samples.size()];
    }

    /**
     * @param samples the observations
     * @param options thresholds
     * @return the fit or its refusal
     */
    public static ProfileFit fit(List<ProfileSample> samples, FitOptions options) {
        return new RobustLinearFit(samples, options).run();
    }

    private ProfileFit run() {
        int valid = 0;
        double maxRate = 0;
        for (int i = 0; i < samples.size(); i++) {
            ProfileSample s = samples.get(i);
            boolean ok = Double.isFinite(s.replicas())
                    && Double.isFinite(s.rate())
                    && s.rate() >= 0
                    && Math.rint(s.replicas()) >= 1;
            verdicts[i] = ok ? SampleVerdict.USED : SampleVerdict.INVALID;
            replicas[i] = ok ? (int) Math.min(Integer.MAX_VALUE, Math.rint(s.replicas())) : 0;
            if (ok) {
                valid++;
                maxRate = Math.max(maxRate, s.rate());
            }
        }
        if (valid < options.minSamples()) {
            return refused(
                    Reason.TOO_FEW_SAMPLES,
                    valid + " usable samples of " + samples.size() + ", fewer than " + options.minSamples()
                            + ".\nMaybe profile over a longer window (--since) or check the queries.");
        }
        if (maxRate <= 0) {
            return refused(
                    Reason.NO_TRAFFIC,
                    "The service served no requests in the " + valid
                            + " samples.\nMaybe profile a window with traffic, or check its requestRate query.");
        }
        dropUnsaturated();
        double[] line = theilSen();
        if (line == null) {
            return oneReplicaCount();
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (!dropByResiduals(line[0], line[1])) {
                break;
            }
            SimpleRegression ols = regression();
            if (ols.getN() < 3 || distinctUsedReplicas() < 2) {
                break;
            }
            line = new double[] {ols.getSlope(), ols.getIntercept()};
        }
        return finalFit();
    }

    private void dropUnsaturated() {
        Map<Integer, List<Double>> byReplicas = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            if (verdicts[i] == SampleVerdict.USED) {
                byReplicas
                        .computeIfAbsent(replicas[i], k -> new ArrayList<>())
                        .add(samples.get(i).rate());
            }
        }
        Map<Integer, Double> threshold = new HashMap<>();
        byReplicas.forEach((r, rates) -> threshold.put(
                r,
                options.saturationShare()
                        * new Percentile(90)
                                .evaluate(rates.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .toArray())));
        for (int i = 0; i < samples.size(); i++) {
            if (verdicts[i] == SampleVerdict.USED && samples.get(i).rate() < threshold.get(replicas[i])) {
                verdicts[i] = SampleVerdict.UNSATURATED;
            }
        }
    }

    /** @return {slope, intercept} of the Theil–Sen line over the used samples, or null with one replica count */
    private double[] theilSen() {
        List<Integer> used = used();
        // Pairs grow quadratically: past 300 samples a deterministic stride keeps about 300 of them.
        int stride = Math.max(1, used.size() / 300);
        int kept = (used.size() + stride - 1) / stride;
        double[] slopes = new double[kept * (kept - 1) / 2];
        int n = 0;
        for (int a = 0; a < used.size(); a += stride) {
            for (int b = a + stride; b < used.size(); b += stride) {
                int i = used.get(a);
                int j = used.get(b);
                if (replicas[i] != replicas[j]) {
                    slopes[n++] = (samples.get(j).rate() - samples.get(i).rate()) / (replicas[j] - replicas[i]);
                }
            }
        }
        if (n == 0) {
            return null;
        }
        double slope = median(Arrays.copyOf(slopes, n));
        double intercept = median(used.stream()
                .mapToDouble(i -> samples.get(i).rate() - slope * replicas[i])
                .toArray());
        return new double[] {slope, intercept};
    }

    /** @return whether any sample was dropped */
    private boolean dropByResiduals(double slope, double intercept) {
        List<Integer> used = used();
        double[] residuals = used.stream()
                .mapToDouble(i -> samples.get(i).rate() - (slope * replicas[i] + intercept))
                .toArray();
        double centre = median(residuals);
        double[] deviations =
                Arrays.stream(residuals).map(r -> Math.abs(r - centre)).toArray();
        double sigma = MAD_TO_SIGMA * median(deviations);
        // Noise-free data has a MAD of 0: a floor relative to the rates keeps exact samples in.
        double floor =
                1e-6 * Math.max(1, Arrays.stream(residuals).map(Math::abs).max().orElse(0));
        double cut = options.residualCut() * Math.max(sigma, floor);
        boolean dropped = false;
        for (int k = 0; k < used.size(); k++) {
            double r = residuals[k] - centre;
            if (r < -cut) {
                verdicts[used.get(k)] = SampleVerdict.UNSATURATED;
                dropped = true;
            } else if (r > cut) {
                verdicts[used.get(k)] = SampleVerdict.OUTLIER;
                dropped = true;
            }
        }
        return dropped;
    }

    private ProfileFit finalFit() {
        SimpleRegression ols = regression();
        int n = (int) ols.getN();
        if (n < options.minSamples()) {
            return refused(
                    Reason.TOO_FEW_SAMPLES,
                    n + " samples remain of " + samples.size() + " (" + count(SampleVerdict.UNSATURATED)
                            + " not saturated, " + count(SampleVerdict.OUTLIER) + " outliers, "
                            + count(SampleVerdict.INVALID) + " invalid), fewer than " + options.minSamples()
                            + ".\nMaybe profile over a longer window with the service under load.");
        }
        if (distinctUsedReplicas() < 2) {
            return oneReplicaCount();
        }
        double alpha = ols.getSlope();
        double beta = ols.getIntercept();
        double r2 = Math.max(0, Math.min(1, ols.getRSquare()));
        if (Double.isNaN(ols.getRSquare())) {
            r2 = 0;
        }
        double t = new TDistribution(n - 2).inverseCumulativeProbability(1 - (1 - options.confidence()) / 2);
        Interval alphaCi = interval(alpha, t * ols.getSlopeStdErr());
        Interval betaCi = interval(beta, t * ols.getInterceptStdErr());
        Optional<Refusal> refusal = Optional.empty();
        if (!(alphaCi.low() > 0)) {
            refusal = Optional.of(new Refusal(
                    Reason.NO_GAIN_PER_REPLICA,
                    String.format(
                            Locale.ROOT,
                            "More replicas did not serve clearly more: alpha %.3f req/s per replica, %d%% interval"
                                    + " [%.3f, %.3f].%nMaybe the service was never saturated in the window, or"
                                    + " its bottleneck is elsewhere.",
                            alpha,
                            Math.round(options.confidence() * 100),
                            alphaCi.low(),
                            alphaCi.high())));
        } else if (r2 < options.minRSquared()) {
            refusal = Optional.of(new Refusal(
                    Reason.POOR_FIT,
                    String.format(
                            Locale.ROOT,
                            "The line explains too little: R² %.3f below %.2f over %d samples (alpha %.3f, beta"
                                    + " %.3f).%nMaybe the capacity is not linear in replicas, or the queries do not"
                                    + " match each other.",
                            r2,
                            options.minRSquared(),
                            n,
                            alpha,
                            beta)));
        }
        return new ProfileFit(alpha, beta, r2, n, alphaCi, betaCi, Arrays.asList(verdicts), refusal);
    }

    private ProfileFit oneReplicaCount() {
        TreeSet<Integer> counts = new TreeSet<>();
        for (int i = 0; i < samples.size(); i++) {
            if (verdicts[i] != SampleVerdict.INVALID) {
                counts.add(replicas[i]);
            }
        }
        return refused(
                Reason.ONE_REPLICA_COUNT,
                "The saturated samples show one replica count only (seen: " + counts + "), so alpha and beta cannot"
                        + " be told apart.\nMaybe profile a window in which the service ran at two replica counts"
                        + " or more under load.");
    }

    private ProfileFit refused(Reason reason, String message) {
        return new ProfileFit(
                Double.NaN,
                Double.NaN,
                Double.NaN,
                0,
                Interval.NONE,
                Interval.NONE,
                Arrays.asList(verdicts),
                Optional.of(new Refusal(reason, message)));
    }

    private SimpleRegression regression() {
        SimpleRegression ols = new SimpleRegression(true);
        for (int i : used()) {
            ols.addData(replicas[i], samples.get(i).rate());
        }
        return ols;
    }

    private List<Integer> used() {
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (verdicts[i] == SampleVerdict.USED) {
                used.add(i);
            }
        }
        return used;
    }

    private long distinctUsedReplicas() {
        return used().stream().map(i -> replicas[i]).distinct().count();
    }

    private long count(SampleVerdict verdict) {
        return Arrays.stream(verdicts).filter(v -> v == verdict).count();
    }

    private static Interval interval(double value, double halfWidth) {
        return Double.isFinite(halfWidth)
                ? new Interval(value - halfWidth, value + halfWidth)
                : new Interval(Double.NaN, Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
