/**
 * Replica scaling: {@link dev.smo.optimizer.scaling.ScalingOptimizer} chooses replica counts for the services of a
 * {@link dev.smo.optimizer.scaling.ScalingProblem} from their request rates and the clusters' capacity, and returns
 * a {@link dev.smo.optimizer.scaling.ScalingResult}.
 */
package dev.smo.optimizer.scaling;
