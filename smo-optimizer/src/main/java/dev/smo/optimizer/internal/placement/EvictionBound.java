package dev.smo.optimizer.internal.placement;

import java.util.Arrays;

/**
 * The capacity part of the search bound. For cluster k, let B_k be the unplaced units whose cheapest cluster is k.
 * If B_k needs {@code excess > 0} more of resource r than k has left, units of total r-demand ≥ excess must go
 * elsewhere, each paying at least its regret. The cheapest fractional choice (by regret per unit of r) is a lower
 * bound on that extra cost; the largest over resources is added per cluster (the B_k are disjoint). Returns +∞ when
 * the excess cannot be covered at all.
 */
final class EvictionBound {

    private EvictionBound() {
    }

    static double compute(PlacementData d, int[] units, int[] assigned, int[] arg, double[] regret,
                          long[][] remaining) {
        int clusters = d.clusters();
        long[][] need = new long[clusters][PlacementData.RESOURCES];
        int[] count = new int[clusters];
        for (int u : units) {
            if (assigned[u] < 0) {
                count[arg[u]]++;
                long[] dem = d.demand()[u];
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    need[arg[u]][r] += dem[r];
                }
            }
        }
        double total = 0;
        for (int k = 0; k < clusters; k++) {
            double increment = 0;
            for (int r = 0; r < PlacementData.RESOURCES && count[k] > 0; r++) {
                long excess = need[k][r] - remaining[k][r];
                if (excess > 0) {
                    increment = Math.max(increment, cover(d, units, assigned, arg, k, r, excess, regret));
                }
            }
            total += increment;
        }
        return total;
    }

    private static double cover(PlacementData d, int[] units, int[] assigned, int[] arg, int k, int r, long excess,
                                double[] regret) {
        int n = 0;
        int[] movable = new int[units.length];
        for (int u : units) {
            if (assigned[u] < 0 && arg[u] == k && d.demand()[u][r] > 0) {
                movable[n++] = u;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = movable[i];
        }
        Arrays.sort(order, (a, b) -> {
            int byRatio = Double.compare(regret[a] / d.demand()[a][r], regret[b] / d.demand()[b][r]);
            return byRatio != 0 ? byRatio : Integer.compare(a, b);
        });
        double cost = 0;
        long left = excess;
        for (int u : order) {
            long dem = d.demand()[u][r];
            if (Double.isInfinite(regret[u])) {
                return Double.POSITIVE_INFINITY;
            }
            if (dem >= left) {
                return cost + regret[u] * ((double) left / dem);
            }
            cost += regret[u];
            left -= dem;
        }
        return Double.POSITIVE_INFINITY;
    }
}
