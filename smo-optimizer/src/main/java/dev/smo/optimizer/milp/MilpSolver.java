package dev.smo.optimizer.milp;

import dev.smo.optimizer.internal.bnb.DefaultMilpSolver;

/**
 * Branch and bound over LP relaxations (commons-math3 simplex). Deterministic: the same model and options give the
 * same result on every run, except where the time limit cuts the search.
 *
 * <pre>{@code
 * SolveResult result = MilpSolver.create(SolverOptions.defaults()).solve(model);
 * if (result.termination().hasSolution()) { double x = result.value(xVar); }
 * }</pre>
 */
public interface MilpSolver {

    /**
     * @param options limits and tolerances
     * @return a solver; it holds no state between solves
     */
    static MilpSolver create(SolverOptions options) {
        return new DefaultMilpSolver(options);
    }

    /**
     * Solves the model without a starting heuristic.
     *
     * @param model the model
     * @return the immutable result; infeasibility is a termination, not an exception
     */
    default SolveResult solve(LinearModel model) {
        return solve(model, IncumbentHeuristic.NONE);
    }

    /**
     * Solves the model, first trying the heuristic's proposal as incumbent.
     *
     * @param model the model
     * @param heuristic proposes a first solution, re-checked against the model
     * @return the immutable result; infeasibility is a termination, not an exception
     */
    SolveResult solve(LinearModel model, IncumbentHeuristic heuristic);
}
