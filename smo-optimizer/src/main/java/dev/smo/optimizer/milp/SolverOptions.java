package dev.smo.optimizer.milp;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and tolerances of one solve; immutable, change with the {@code with…} copies.
 *
 * @param nodeLimit maximum branch-and-bound nodes before stopping with the best solution so far (≥ 1)
 * @param timeLimit maximum wall time before stopping with the best solution so far (&gt; 0)
 * @param integralityTolerance |x − round(x)| below which an integer variable counts as integral
 * @param feasibilityTolerance absolute slack allowed on bounds and constraints when re-checking a solution
 * @param absoluteGap a node is pruned when {@code bound >= incumbent − absoluteGap}; OPTIMAL means proven within it
 * @param relativeGap a node is also pruned when {@code (incumbent − bound) / max(1, |incumbent|) <= relativeGap}
 */
public record SolverOptions(
        long nodeLimit,
        Duration timeLimit,
        double integralityTolerance,
        double feasibilityTolerance,
        double absoluteGap,
        double relativeGap) {

    /**
     * Defaults: 10⁹ nodes (so the 10 s time limit binds first), integrality 1e-6, feasibility 1e-6, absolute gap
     * 1e-9, relative gap 0.
     */
    public static final SolverOptions DEFAULTS =
            new SolverOptions(1_000_000_000L, Duration.ofSeconds(10), 1e-6, 1e-6, 1e-9, 0.0);

    /** Checks ranges. */
    public SolverOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (nodeLimit < 1 || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new InvalidModelException("SolverOptions need nodeLimit >= 1 (" + nodeLimit
                    + ") and a positive timeLimit (" + timeLimit + ").");
        }
        if (!(integralityTolerance >= 0 && feasibilityTolerance >= 0 && absoluteGap >= 0 && relativeGap >= 0)) {
            throw new InvalidModelException("SolverOptions tolerances must be >= 0.");
        }
    }

    /** @return the defaults */
    public static SolverOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param limit maximum nodes
     * @return a copy with that node limit
     */
    public SolverOptions withNodeLimit(long limit) {
        return new SolverOptions(
                limit, timeLimit, integralityTolerance, feasibilityTolerance, absoluteGap, relativeGap);
    }

    /**
     * @param limit maximum wall time
     * @return a copy with that time limit
     */
    public SolverOptions withTimeLimit(Duration limit) {
        return new SolverOptions(
                nodeLimit, limit, integralityTolerance, feasibilityTolerance, absoluteGap, relativeGap);
    }

    /**
     * @param tolerance integrality tolerance
     * @return a copy with that integrality tolerance
     */
    public SolverOptions withIntegralityTolerance(double tolerance) {
        return new SolverOptions(nodeLimit, timeLimit, tolerance, feasibilityTolerance, absoluteGap, relativeGap);
    }

    /**
     * @param tolerance feasibility tolerance
     * @return a copy with that feasibility tolerance
     */
    public SolverOptions withFeasibilityTolerance(double tolerance) {
        return new SolverOptions(nodeLimit, timeLimit, integralityTolerance, tolerance, absoluteGap, relativeGap);
    }

    /**
     * @param gap absolute optimality gap
     * @return a copy with that absolute gap
     */
    public SolverOptions withAbsoluteGap(double gap) {
        return new SolverOptions(nodeLimit, timeLimit, integralityTolerance, feasibilityTolerance, gap, relativeGap);
    }

    /**
     * @param gap relative optimality gap (0.01 = 1 %)
     * @return a copy with that relative gap
     */
    public SolverOptions withRelativeGap(double gap) {
        return new SolverOptions(nodeLimit, timeLimit, integralityTolerance, feasibilityTolerance, absoluteGap, gap);
    }

    /**
     * @param incumbent objective of the best solution (minimisation form)
     * @param bound proven lower bound (minimisation form)
     * @return whether the gap between them is closed within the tolerances
     */
    public boolean gapClosed(double incumbent, double bound) {
        double diff = incumbent - bound;
        return diff <= absoluteGap || diff / Math.max(1.0, Math.abs(incumbent)) <= relativeGap;
    }
}
