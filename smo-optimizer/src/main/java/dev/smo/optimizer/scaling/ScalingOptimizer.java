package dev.smo.optimizer.scaling;

import dev.smo.optimizer.internal.scaling.DefaultScalingOptimizer;
import dev.smo.optimizer.milp.SolverOptions;

/** Chooses replica counts by solving the scaling MILP of {@link ScalingProblem}, one model per cluster. */
public interface ScalingOptimizer {

    /**
     * @param options limits and tolerances of each cluster's MILP
     * @return an optimizer; it holds no state between solves
     */
    static ScalingOptimizer create(SolverOptions options) {
        return new DefaultScalingOptimizer(options);
    }

    /** @return an optimizer with {@link SolverOptions#defaults()} */
    static ScalingOptimizer create() {
        return create(SolverOptions.defaults());
    }

    /**
     * @param problem the problem
     * @return replicas per service, or a typed infeasibility naming the service or cluster
     */
    ScalingResult solve(ScalingProblem problem);
}
