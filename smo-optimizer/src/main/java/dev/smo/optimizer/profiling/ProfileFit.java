package dev.smo.optimizer.profiling;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a fit. Check {@link #refusal()} first: the coefficients mean something only when it is empty.
 *
 * @param alpha requests/s one replica adds (NaN when refused before a regression)
 * @param beta requests/s independent of replicas (NaN when refused before a regression)
 * @param rSquared coefficient of determination of the final regression, in [0, 1] (NaN without one)
 * @param samplesUsed samples in the final regression
 * @param alphaInterval confidence interval of alpha, low and high (NaN without a regression)
 * @param betaInterval confidence interval of beta, low and high (NaN without a regression)
 * @param verdicts what was done with each sample, in the input order
 * @param refusal why the fit must not be used; empty when it can be
 */
public record ProfileFit(
        double alpha,
        double beta,
        double rSquared,
        int samplesUsed,
        Interval alphaInterval,
        Interval betaInterval,
        List<SampleVerdict> verdicts,
        Optional<Refusal> refusal) {

    /** Copies the verdicts and checks nulls. */
    public ProfileFit {
        Objects.requireNonNull(alphaInterval, "alphaInterval");
        Objects.requireNonNull(betaInterval, "betaInterval");
        verdicts = List.copyOf(verdicts);
        Objects.requireNonNull(refusal, "refusal");
    }

    /** @return whether alpha and beta can be used */
    public boolean fitted() {
        return refusal.isEmpty();
    }

    /**
     * @param verdict a verdict
     * @return how many samples got it
     */
    public long count(SampleVerdict verdict) {
        return verdicts.stream().filter(v -> v == verdict).count();
    }

    /**
     * A confidence interval.
     *
     * @param low lower bound
     * @param high upper bound
     */
    public record Interval(double low, double high) {

        /** An interval of NaNs, when there is no regression. */
        public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

        /**
         * @param value a value
         * @return whether it lies within the bounds
         */
        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    /**
     * Why a fit is refused.
     *
     * @param reason the kind
     * @param message a sentence with the numbers, for a person
     */
    public record Refusal(Reason reason, String message) {

        /** Checks nulls. */
        public Refusal {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The kinds of refusal. */
    public enum Reason {
        /** Fewer usable samples than {@link FitOptions#minSamples()}. */
        TOO_FEW_SAMPLES,
        /** The service served no traffic in the window. */
        NO_TRAFFIC,
        /** The usable samples show a single replica count, so alpha and beta cannot be told apart. */
        ONE_REPLICA_COUNT,
        /** More replicas did not serve more: alpha, or its confidence interval's lower bound, is not positive. */
        NO_GAIN_PER_REPLICA,
        /** R² below {@link FitOptions#minRSquared()}. */
        POOR_FIT
    }
}
