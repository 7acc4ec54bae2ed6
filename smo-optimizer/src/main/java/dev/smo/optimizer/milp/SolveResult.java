package dev.smo.optimizer.milp;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The immutable outcome of one solve. Check {@link #termination()} before reading values: they are present only when
 * {@link Termination#hasSolution()}.
 */
public final class SolveResult {

    private final Termination termination;
    private final double objective;
    private final double bestBound;
    private final double[] values;
    private final long nodes;
    private final Duration wallTime;

    /**
     * @param termination why the solve stopped
     * @param objective objective of the returned solution in the model's sense (NaN without a solution)
     * @param bestBound proven bound on the optimum in the model's sense (NaN when unknown)
     * @param values one value per model variable, or null without a solution
     * @param nodes branch-and-bound nodes explored
     * @param wallTime wall time spent
     */
    public SolveResult(
            Termination termination,
            double objective,
            double bestBound,
            double[] values,
            long nodes,
            Duration wallTime) {
        this.termination = Objects.requireNonNull(termination, "termination");
        this.objective = objective;
        this.bestBound = bestBound;
        this.values = values == null ? null : values.clone();
        this.nodes = nodes;
        this.wallTime = Objects.requireNonNull(wallTime, "wallTime");
        if (termination.hasSolution() && values == null) {
            throw new InvalidModelException("A " + termination + " result needs values.");
        }
    }

    /** @return why the solve stopped */
    public Termination termination() {
        return termination;
    }

    /** @return the objective value of the solution (in the model's sense, constant included), NaN without one */
    public double objective() {
        return objective;
    }

    /** @return the proven bound on the optimal objective (lower when minimising, upper when maximising) */
    public double bestBound() {
        return bestBound;
    }

    /** @return {@code |objective − bound| / max(1e-9, |objective|)}; 0 when optimal, NaN without a solution */
    public double gap() {
        if (!termination.hasSolution()) {
            return Double.NaN;
        }
        if (termination == Termination.OPTIMAL) {
            return 0.0;
        }
        return Math.abs(objective - bestBound) / Math.max(1e-9, Math.abs(objective));
    }

    /** @return a copy of the values, one per model variable (empty without a solution) */
    public double[] values() {
        return values == null ? new double[0] : values.clone();
    }

    /**
     * @param variable a variable of the solved model
     * @return its value in the solution
     * @throws InvalidModelException if the result holds no solution
     */
    public double value(Variable variable) {
        if (values == null) {
            throw new InvalidModelException("Result (" + termination + ") holds no value for variable ("
                    + variable.name() + ").\nMaybe check termination().hasSolution() first.");
        }
        return values[variable.index()];
    }

    /** @return nodes explored */
    public long nodes() {
        return nodes;
    }

    /** @return wall time spent */
    public Duration wallTime() {
        return wallTime;
    }

    /** @return a short status such as "OPTIMAL", "FEASIBLE (gap 0.8%)" or "INFEASIBLE" */
    public String describe() {
        return termination == Termination.FEASIBLE
                ? String.format(Locale.ROOT, "FEASIBLE (gap %.1f%%)", 100 * gap())
                : termination.name();
    }

    @Override
    public String toString() {
        return describe() + " objective=" + objective + " bound=" + bestBound + " nodes=" + nodes + " time="
                + wallTime.toMillis() + "ms" + (values == null ? "" : " values=" + Arrays.toString(values));
    }
}
