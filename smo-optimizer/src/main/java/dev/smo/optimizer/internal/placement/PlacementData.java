package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.placement.PlacementProblem;

/**
 * The presolved placement problem over units: a unit is a service, or a coLocation group merged into one service
 * whose demand is the members' sum. Only candidate clusters (ready, allowed for every member, large enough for the
 * unit alone) remain. Costs are split into an integral main part and the tie-breaker; edges inside a unit are gone
 * (never cut) and parallel edges between units are summed. {@code moveCount[u][k]} counts the unit's members that
 * would move if the unit went to k (whatever the weights). Resources are indexed 0 cpu, 1 memory, 2 gpu.
 */
@SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
record PlacementData(
        PlacementProblem problem,
        int[][] members,
        long[][] demand,
        long[][] capacity,
        int[][] candidates,
        long[][] mainCost,
        int[][] moveCount,
        double[][] tieCost,
        int[][] neighbours,
        long[][] edgeCost) {

    static final int RESOURCES = 3;

    int units() {
        return members.length;
    }

    int clusters() {
        return capacity.length;
    }

    boolean fits(int unit, int cluster, long[][] remaining) {
        long[] d = demand[unit];
        long[] r = remaining[cluster];
        return d[0] <= r[0] && d[1] <= r[1] && d[2] <= r[2];
    }

    double cost(int unit, int cluster) {
        return mainCost[unit][cluster] + tieCost[unit][cluster];
    }
}
