/**
 * Service placement: {@link dev.smo.optimizer.placement.PlacementOptimizer} assigns each service of a
 * {@link dev.smo.optimizer.placement.PlacementProblem} to a cluster with capacity, weighing the objective's terms by
 * {@link dev.smo.optimizer.placement.PlacementWeights}; an infeasible problem is a status of the
 * {@link dev.smo.optimizer.placement.PlacementResult}, explained, not an exception.
 */
package dev.smo.optimizer.placement;
