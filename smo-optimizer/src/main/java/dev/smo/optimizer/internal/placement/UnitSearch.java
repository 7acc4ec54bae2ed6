package dev.smo.optimizer.internal.placement;

import java.util.Arrays;

/**
 * Depth-first branch and bound over the units of one independent component.
 *
 * <p>Bound at a node: the larger of two lower bounds. (1) The cost so far plus, for each unplaced unit, its cheapest
 * cluster that still has room (own cost plus the edges to placed neighbours it would cut), plus the
 * {@link EvictionBound} for clusters that too many units want. (2) The {@link #starBound star bound}, which also
 * charges edges between unplaced units. Branching: a unit with a single cluster left, otherwise the unit with the
 * largest regret (second cheapest minus cheapest); its clusters are tried cheapest first, then in cluster order.
 * A child's bound is at least its parent's. Everything is deterministic.
 */
final class UnitSearch {

    private final PlacementData d;
    private final int[] units;
    private final long[][] remaining;
    private final long deadline;
    private final long nodeLimit;
    private final double absoluteGap;
    private final int[] assigned;
    private final long[] attachedTotal;
    private final long[][] attachedAt;
    private final double[] best;
    private final double[] regret;
    private final int[] arg;
    private final double[][] nodeValue;
    private final double[] openWeight;
    private int unplaced;
    private double incumbentValue = Double.POSITIVE_INFINITY;
    private int[] incumbent;
    private long nodes;
    private boolean aborted;
    private double openBound = Double.POSITIVE_INFINITY;
    private double rootBound = Double.NaN;

    UnitSearch(PlacementData d, int[] units, long deadline, long nodeLimit, double absoluteGap) {
        this.d = d;
        this.units = units;
        this.deadline = deadline;
        this.nodeLimit = nodeLimit;
        this.absoluteGap = absoluteGap;
        this.remaining = new long[d.clusters()][];
        for (int k = 0; k < d.clusters(); k++) {
            remaining[k] = d.capacity()[k].clone();
        }
        int n = d.units();
        this.assigned = new int[n];
        Arrays.fill(assigned, -1);
        this.attachedTotal = new long[n];
        this.attachedAt = new long[n][d.clusters()];
        this.best = new double[n];
        this.regret = new double[n];
        this.arg = new int[n];
        this.nodeValue = new double[n][d.clusters()];
        this.openWeight = new double[n];
        for (double[] row : nodeValue) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        this.unplaced = units.length;
    }

    /** Seeds the search with a feasible assignment of this component's units (cluster per global unit). */
    void offer(int[] assignment, double value) {
        if (value < incumbentValue) {
            incumbentValue = value;
            incumbent = assignment.clone();
        }
    }

    SearchOutcome run() {
        dfs(0.0, 0);
        boolean complete = !aborted;
        double bound = complete ? incumbentValue : Math.min(openBound, incumbentValue);
        return new SearchOutcome(incumbent, incumbentValue, complete, bound, nodes,
                Double.isNaN(rootBound) ? bound : rootBound);
    }

    private void dfs(double fixed, int depth) {
        nodes++;
        if (!aborted && (nodes > nodeLimit || ((nodes & 127) == 0 && System.nanoTime() > deadline))) {
            aborted = true;
        }
        if (unplaced == 0) {
            if (fixed < incumbentValue - absoluteGap) {
                incumbentValue = fixed;
                incumbent = assigned.clone();
            }
            return;
        }
        double base = fixed;
        int chosen = -1;
        double chosenRegret = -1;
        for (int u : units) {
            if (assigned[u] >= 0) {
                continue;
            }
            double b = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int a = -1;
            double[] row = nodeValue[u];
            for (int k : d.candidates()[u]) {
                if (d.fits(u, k, remaining)) {
                    double v = value(u, k);
                    row[k] = v;
                    if (v < b) {
                        second = b;
                        b = v;
                        a = k;
                    } else if (v < second) {
                        second = v;
                    }
                } else {
                    row[k] = Double.POSITIVE_INFINITY;
                }
            }
            if (a < 0) {
                return;
            }
            best[u] = b;
            arg[u] = a;
            regret[u] = second - b;
            base += b;
            if (regret[u] > chosenRegret) {
                chosen = u;
                chosenRegret = regret[u];
            }
        }
        double bound = Math.max(base + EvictionBound.compute(d, units, assigned, arg, regret, remaining),
                starBound(fixed));
        if (depth == 0) {
            rootBound = bound;
        }
        if (bound >= incumbentValue - absoluteGap) {
            return;
        }
        if (aborted) {
            openBound = Math.min(openBound, bound);
            return;
        }
        int u = chosen;
        double bestU = best[u];
        int[] order = orderedClusters(u);
        for (int k : order) {
            double v = value(u, k);
            double childBound = Math.max(bound, base - bestU + v);
            if (childBound >= incumbentValue - absoluteGap) {
                break;
            }
            if (aborted) {
                openBound = Math.min(openBound, childBound);
                continue;
            }
            assign(u, k);
            dfs(fixed + v, depth + 1);
            unassign(u, k);
        }
    }

    /**
     * The star bound. Each edge between two unplaced units is owned by the endpoint with the smaller regret (the one
     * whose choice is open; lower index on ties). Each unit's cost function is split over its open edges in
     * proportion to their weights: the shares of edges it does not own go to the owner's star, the rest stays in its
     * own star. A star costs {@code min_k [share_v·c_v(k) + Σ_owned min(α_u·c_u(k), α_u·min c_u + w)]}, the
     * cheapest way to place its centre given the neighbours' shares. Every unit cost is split exactly once and
     * every edge sits in one star, and a sum of minima is at most the minimum of the sum: a lower bound. Uses this
     * node's {@code nodeValue}, {@code best} and {@code regret}.
     */
    private double starBound(double fixed) {
        for (int v : units) {
            if (assigned[v] < 0) {
                openWeight[v] = openWeight(v);
            }
        }
        double sum = fixed;
        for (int v : units) {
            if (assigned[v] >= 0) {
                continue;
            }
            double open = openWeight[v];
            if (open == 0) {
                sum += best[v];
                continue;
            }
            int[] nb = d.neighbours()[v];
            long[] w = d.edgeCost()[v];
            double own = 0;
            int owned = 0;
            for (int i = 0; i < nb.length; i++) {
                if (assigned[nb[i]] < 0 && owns(v, nb[i])) {
                    own += w[i];
                    owned++;
                }
            }
            if (owned == 0) {
                continue;
            }
            double share = own / open;
            double star = Double.POSITIVE_INFINITY;
            for (int k : d.candidates()[v]) {
                double value = share * nodeValue[v][k];
                for (int i = 0; i < nb.length && value < star; i++) {
                    int u = nb[i];
                    if (assigned[u] < 0 && owns(v, u)) {
                        double alpha = w[i] / openWeight[u];
                        value += Math.min(alpha * nodeValue[u][k], alpha * best[u] + w[i]);
                    }
                }
                star = Math.min(star, value);
            }
            sum += star;
        }
        return sum;
    }

    private boolean owns(int v, int u) {
        return regret[v] < regret[u] || (regret[v] == regret[u] && v < u);
    }

    private double openWeight(int u) {
        double open = 0;
        int[] nb = d.neighbours()[u];
        for (int i = 0; i < nb.length; i++) {
            if (assigned[nb[i]] < 0) {
                open += d.edgeCost()[u][i];
            }
        }
        return open;
    }

    private double value(int u, int k) {
        return d.cost(u, k) + attachedTotal[u] - attachedAt[u][k];
    }

    private int[] orderedClusters(int u) {
        int[] c = d.candidates()[u];
        Integer[] order = new Integer[c.length];
        int n = 0;
        for (int k : c) {
            if (d.fits(u, k, remaining)) {
                order[n++] = k;
            }
        }
        Integer[] feasible = Arrays.copyOf(order, n);
        Arrays.sort(feasible, (a, b) -> {
            int byValue = Double.compare(value(u, a), value(u, b));
            return byValue != 0 ? byValue : Integer.compare(a, b);
        });
        return Arrays.stream(feasible).mapToInt(Integer::intValue).toArray();
    }

    private void assign(int u, int k) {
        assigned[u] = k;
        unplaced--;
        long[] dem = d.demand()[u];
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            remaining[k][r] -= dem[r];
        }
        int[] nb = d.neighbours()[u];
        long[] w = d.edgeCost()[u];
        for (int i = 0; i < nb.length; i++) {
            attachedTotal[nb[i]] += w[i];
            attachedAt[nb[i]][k] += w[i];
        }
    }

    private void unassign(int u, int k) {
        assigned[u] = -1;
        unplaced++;
        long[] dem = d.demand()[u];
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            remaining[k][r] += dem[r];
        }
        int[] nb = d.neighbours()[u];
        long[] w = d.edgeCost()[u];
        for (int i = 0; i < nb.length; i++) {
            attachedTotal[nb[i]] -= w[i];
            attachedAt[nb[i]][k] -= w[i];
        }
    }

    /** The search's outcome; {@code assignment} is per global unit (−1 outside the component), null if none. */
    record SearchOutcome(int[] assignment, double value, boolean complete, double bound, long nodes,
                         double rootBound) {
    }
}
