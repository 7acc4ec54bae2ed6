package dev.smo.optimizer.internal.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The first incumbent: units that must pay to be placed (moved or new) go first, larger first, each to its cheapest
 * cluster with room given the neighbours already placed; then single-unit moves that lower the objective, in unit
 * order, until none is left (at most 50 passes). Returns null if the greedy pass cannot place every unit.
 */
final class Greedy {

    private Greedy() {}

    static int[] assign(PlacementData d) {
        int n = d.units();
        long[][] remaining = new long[d.clusters()][];
        for (int k = 0; k < d.clusters(); k++) {
            remaining[k] = d.capacity()[k].clone();
        }
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            order.add(u);
        }
        order.sort(Comparator.<Integer>comparingLong(u -> minMain(d, u) > 0 ? 0 : 1)
                .thenComparingDouble(u -> -size(d, u))
                .thenComparingInt(u -> u));
        int[] a = new int[n];
        Arrays.fill(a, -1);
        for (int u : order) {
            int bestCluster = -1;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int k : d.candidates()[u]) {
                if (d.fits(u, k, remaining)) {
                    double v = d.cost(u, k) + edgeCost(d, a, u, k);
                    if (v < bestValue) {
                        bestValue = v;
                        bestCluster = k;
                    }
                }
            }
            if (bestCluster < 0) {
                return null;
            }
            a[u] = bestCluster;
            take(d, remaining, u, bestCluster, 1);
        }
        improve(d, a, remaining);
        return a;
    }

    private static void improve(PlacementData d, int[] a, long[][] remaining) {
        for (int pass = 0; pass < 50; pass++) {
            boolean changed = false;
            for (int u = 0; u < d.units(); u++) {
                int from = a[u];
                take(d, remaining, u, from, -1);
                double current = d.cost(u, from) + edgeCost(d, a, u, from);
                int bestCluster = from;
                double bestValue = current;
                for (int k : d.candidates()[u]) {
                    if (k != from && d.fits(u, k, remaining)) {
                        double v = d.cost(u, k) + edgeCost(d, a, u, k);
                        if (v < bestValue - 1e-12) {
                            bestValue = v;
                            bestCluster = k;
                        }
                    }
                }
                a[u] = bestCluster;
                take(d, remaining, u, bestCluster, 1);
                changed |= bestCluster != from;
            }
            if (!changed) {
                return;
            }
        }
    }

    /** Cost of the edges between u (on cluster k) and placed neighbours on other clusters. */
    static double edgeCost(PlacementData d, int[] a, int u, int k) {
        long sum = 0;
        int[] nb = d.neighbours()[u];
        for (int i = 0; i < nb.length; i++) {
            if (a[nb[i]] >= 0 && a[nb[i]] != k) {
                sum += d.edgeCost()[u][i];
            }
        }
        return sum;
    }

    private static void take(PlacementData d, long[][] remaining, int u, int k, int sign) {
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            remaining[k][r] -= sign * d.demand()[u][r];
        }
    }

    private static long minMain(PlacementData d, int u) {
        long min = Long.MAX_VALUE;
        for (int k : d.candidates()[u]) {
            min = Math.min(min, d.mainCost()[u][k]);
        }
        return min;
    }

    private static double size(PlacementData d, int u) {
        double s = 0;
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            long max = 0;
            for (long[] c : d.capacity()) {
                max = Math.max(max, c[r]);
            }
            s += max == 0 ? 0 : (double) d.demand()[u][r] / max;
        }
        return s;
    }
}
