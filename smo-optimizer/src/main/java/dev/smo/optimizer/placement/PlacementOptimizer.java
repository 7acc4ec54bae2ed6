package dev.smo.optimizer.placement;

import dev.smo.optimizer.internal.placement.DefaultPlacementOptimizer;
import dev.smo.optimizer.milp.SolverOptions;

/**
 * Places services on clusters by solving the placement MILP of {@link PlacementProblem} to proven optimality
 * (within the limits of {@link SolverOptions}). The same problem always gives the same answer.
 *
 * <p>The search is a branch and bound specialised for the assignment structure: presolve removes clusters a service
 * cannot use (not ready, not allowed, too small), independent parts are solved separately, and bounds come from the
 * per-service cheapest remaining cluster, including the cost of edges to services already placed.
 */
public interface PlacementOptimizer {

    /**
     * @param options node limit, time limit and gap tolerances
     * @return an optimizer; it holds no state between solves
     */
    static PlacementOptimizer create(SolverOptions options) {
        return new DefaultPlacementOptimizer(options);
    }

    /** @return an optimizer with {@link SolverOptions#defaults()} */
    static PlacementOptimizer create() {
        return create(SolverOptions.defaults());
    }

    /**
     * @param problem the problem
     * @return the placement with its status, objective terms and statistics, or an explanation when there is none
     */
    PlacementResult solve(PlacementProblem problem);
}
