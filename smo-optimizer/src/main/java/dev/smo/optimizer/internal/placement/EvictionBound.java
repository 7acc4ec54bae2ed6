package dev.smo.optimizer.internal.placement;

/**
 * The capacity part of the search bound. For cluster k, let B_k be the unplaced units whose cheapest cluster is k.
 * If B_k needs {@code excess > 0} more of resource r than k has left, units of total r-demand ≥ excess must go
 * elsewhere, each paying at least its regret. The cheapest fractional choice (by regret per unit of r) is a lower
 * bound on that extra cost; the largest over resources is added per cluster (the B_k are disjoint). Returns +∞ when
 * the excess cannot be covered at all. One instance per search: it keeps scratch buffers (not thread-safe).
 */
final class EvictionBound {

    /** Regrets below this count as free evictions in {@link #cardinality}. */
    private static final double FREE = 1e-9;

    private final PlacementData d;
    private final long[][] need;
    private final int[] count;
    private final int[] members;
    private final double[] ratio;
    private final int[] head;
    private final int[] next;
    private final long[] sortedDemand;
    private final double[] sortedRegret;

    EvictionBound(PlacementData d) {
        this.d = d;
        this.need = new long[d.clusters()][PlacementData.RESOURCES];
        this.count = new int[d.clusters()];
        this.members = new int[d.units()];
        this.ratio = new double[d.units()];
        this.head = new int[d.clusters()];
        this.next = new int[d.units()];
        this.sortedDemand = new long[d.units()];
        this.sortedRegret = new double[d.units()];
    }

    double compute(int[] units, int[] assigned, int[] arg, double[] regret, long[][] remaining) {
        int clusters = d.clusters();
        for (int k = 0; k < clusters; k++) {
            count[k] = 0;
            head[k] = -1;
            need[k][0] = 0;
            need[k][1] = 0;
            need[k][2] = 0;
        }
        for (int u : units) {
            if (assigned[u] < 0) {
                int k = arg[u];
                count[k]++;
                next[u] = head[k];
                head[k] = u;
                long[] dem = d.demand()[u];
                long[] n = need[k];
                n[0] += dem[0];
                n[1] += dem[1];
                n[2] += dem[2];
            }
        }
        double total = 0;
        for (int k = 0; k < clusters; k++) {
            if (count[k] == 0) {
                continue;
            }
            double increment = 0;
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                long excess = need[k][r] - remaining[k][r];
                if (excess > 0) {
                    increment = Math.max(increment, cover(k, r, excess, regret));
                }
            }
            total += increment;
        }
        return total;
    }

    /**
     * Lower bound on the cheapest set of units (each paying its regret) whose r-demands cover {@code excess}: a unit
     * is evicted whole or not at all, so the fractional cover is strengthened Martello–Toth style. With the units in
     * order of regret per unit of demand, the fractional cover takes a prefix and part of a critical unit c; an
     * integer cover either leaves c out (the rest must cover what c covered) or takes c whole (the prefix may then
     * shrink by c's overshoot). Each case is bounded by its own fractional cover; the smaller is the bound, raised to
     * the {@link #cardinality} bound where that is stronger.
     */
    private double cover(int k, int r, long excess, double[] regret) {
        int n = 0;
        for (int u = head[k]; u >= 0; u = next[u]) {
            if (d.demand()[u][r] > 0 && !Double.isInfinite(regret[u])) {
                double key = regret[u] / d.demand()[u][r];
                int i = n++;
                while (i > 0 && (ratio[i - 1] > key || (ratio[i - 1] == key && members[i - 1] > u))) {
                    ratio[i] = ratio[i - 1];
                    members[i] = members[i - 1];
                    i--;
                }
                ratio[i] = key;
                members[i] = u;
            }
        }
        int critical = -1;
        double cost = 0;
        long left = excess;
        for (int i = 0; i < n; i++) {
            long dem = d.demand()[members[i]][r];
            if (dem >= left) {
                critical = i;
                break;
            }
            cost += regret[members[i]];
            left -= dem;
        }
        if (critical < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double without = cost + fractional(critical + 1, n, r, left, regret);
        long overshoot = d.demand()[members[critical]][r] - left;
        double with = regret[members[critical]] + fractional(0, critical, r, excess - left - overshoot, regret);
        return Math.max(Math.min(without, with), cardinality(n, r, excess, regret));
    }

    /**
     * Units that cost (almost) nothing to evict go first, whatever their size; the rest of the excess then needs at
     * least m of the other units, m the fewest of their largest r-demands that reach it, so it costs at least their m
     * smallest regrets. Exact when the regrets are equal (the first lexicographic stage: one move each), where the
     * fractional cover can be almost a whole unit lower.
     */
    private double cardinality(int n, int r, long excess, double[] regret) {
        long left = excess;
        int m = 0;
        for (int i = 0; i < n; i++) {
            long dem = d.demand()[members[i]][r];
            double reg = regret[members[i]];
            if (reg < FREE) {
                left -= dem;
                continue;
            }
            m++;
            int a = m - 1;
            while (a > 0 && sortedDemand[a - 1] < dem) {
                sortedDemand[a] = sortedDemand[a - 1];
                a--;
            }
            sortedDemand[a] = dem;
            int b = m - 1;
            while (b > 0 && sortedRegret[b - 1] > reg) {
                sortedRegret[b] = sortedRegret[b - 1];
                b--;
            }
            sortedRegret[b] = reg;
        }
        long covered = 0;
        double cost = 0;
        for (int i = 0; i < m && covered < left; i++) {
            covered += sortedDemand[i];
            cost += sortedRegret[i];
        }
        return covered >= left ? cost : Double.POSITIVE_INFINITY;
    }

    /** The fractional cover of {@code need} by the sorted units {@code from..to−1}; +∞ if they fall short. */
    private double fractional(int from, int to, int r, long need, double[] regret) {
        double cost = 0;
        long left = need;
        for (int i = from; i < to && left > 0; i++) {
            long dem = d.demand()[members[i]][r];
            if (dem >= left) {
                return cost + regret[members[i]] * ((double) left / dem);
            }
            cost += regret[members[i]];
            left -= dem;
        }
        return left > 0 ? Double.POSITIVE_INFINITY : cost;
    }
}
