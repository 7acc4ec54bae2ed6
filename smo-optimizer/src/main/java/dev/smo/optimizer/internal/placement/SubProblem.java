package dev.smo.optimizer.internal.placement;

import java.util.Arrays;

/**
 * The problem a {@link NeighbourhoodSearch} sub-search solves: only the freed units (local index i is
 * {@code free[i]}, same cluster indices), with every other unit of the assignment held where it is. A fixed unit's
 * demand is taken off its cluster's capacity, and an edge from a freed unit to a fixed one becomes part of the freed
 * unit's main cost (its weight on every cluster but the fixed end's); edges between freed units stay edges. So a
 * search over the freed units sees the same values as over the whole component with the others fixed, while its
 * arrays are sized to the freed units.
 *
 * @param data the reduced problem
 * @param current the freed units' cost in the assignment (own costs, their edges to fixed units and between them)
 * @param fixedMoves moves of the fixed units (taken off a move budget)
 */
record SubProblem(PlacementData data, double current, int fixedMoves) {

    /**
     * @param d the component's problem
     * @param a a feasible assignment (cluster per unit, −1 outside the component)
     * @param free the freed units, ascending
     */
    static SubProblem of(PlacementData d, int[] a, int[] free) {
        int n = free.length;
        int[] local = new int[d.units()];
        Arrays.fill(local, -1);
        for (int i = 0; i < n; i++) {
            local[free[i]] = i;
        }
        long[][] capacity = new long[d.clusters()][];
        for (int k = 0; k < capacity.length; k++) {
            capacity[k] = d.capacity()[k].clone();
        }
        int fixedMoves = 0;
        for (int u = 0; u < a.length; u++) {
            if (a[u] >= 0 && local[u] < 0) {
                long[] dem = d.demand()[u];
                long[] cap = capacity[a[u]];
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    cap[r] -= dem[r];
                }
                fixedMoves += d.moveCount()[u][a[u]];
            }
        }
        int[][] members = new int[n][];
        long[][] demand = new long[n][];
        int[][] candidates = new int[n][];
        long[][] mainCost = new long[n][];
        int[][] moveCount = new int[n][];
        double[][] tieCost = new double[n][];
        int[][] neighbours = new int[n][];
        long[][] edgeCost = new long[n][];
        double current = 0;
        for (int i = 0; i < n; i++) {
            int u = free[i];
            members[i] = d.members()[u];
            demand[i] = d.demand()[u];
            candidates[i] = d.candidates()[u];
            moveCount[i] = d.moveCount()[u];
            tieCost[i] = d.tieCost()[u];
            current += d.cost(u, a[u]);
            long[] cost = d.mainCost()[u].clone();
            int[] nb = d.neighbours()[u];
            long[] w = d.edgeCost()[u];
            int inside = 0;
            for (int j = 0; j < nb.length; j++) {
                int v = nb[j];
                if (local[v] >= 0) {
                    inside++;
                    if (v > u && a[v] != a[u]) {
                        current += w[j];
                    }
                } else if (a[v] >= 0) {
                    for (int k = 0; k < cost.length; k++) {
                        if (k != a[v]) {
                            cost[k] += w[j];
                        }
                    }
                    if (a[v] != a[u]) {
                        current += w[j];
                    }
                }
            }
            mainCost[i] = cost;
            neighbours[i] = new int[inside];
            edgeCost[i] = new long[inside];
            int m = 0;
            for (int j = 0; j < nb.length; j++) {
                if (local[nb[j]] >= 0) {
                    neighbours[i][m] = local[nb[j]];
                    edgeCost[i][m] = w[j];
                    m++;
                }
            }
        }
        PlacementData data = new PlacementData(
                d.problem(), members, demand, capacity, candidates, mainCost, moveCount, tieCost, neighbours, edgeCost);
        return new SubProblem(data, current, fixedMoves);
    }
}
