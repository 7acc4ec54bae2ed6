package dev.smo.optimizer.placement;

/**
 * The placement objective split into its terms:
 * {@code total = moveCost·moves + edgeCutCost·cutWeight + tieBreaker}.
 *
 * @param moves services with a current cluster that end on another cluster
 * @param cutWeight total weight of HDAG edges whose services end on different clusters
 * @param tieBreaker the weighted tie-breaker contribution, in [0, PlacementWeights.tieBreaker())
 * @param total the objective value
 */
public record ObjectiveTerms(int moves, long cutWeight, double tieBreaker, double total) {}
