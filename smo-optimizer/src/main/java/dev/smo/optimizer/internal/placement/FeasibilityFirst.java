package dev.smo.optimizer.internal.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Finds a capacity- and GPU-feasible assignment when the cost-driven {@link Greedy} cannot: best-fit decreasing on
 * the scarcest resources (GPU units first, then by demand weighted by how tight each resource is overall), units that
 * fit nowhere go where they overload least, then a tabu search on the overload moves units off over-full clusters
 * (single moves and swaps, fewest overload first, fewest moves next) until nothing is over-full. The objective is
 * ignored except as a tie-break; the branch and bound improves the result. Seeded, so deterministic apart from the
 * deadline.
 */
final class FeasibilityFirst {

    private static final int TENURE = 7;
    private static final long MAX_ITERATIONS = 2_000_000;

    private final PlacementData d;
    private final int n;
    private final long[][] load;
    private final double[] scale;
    private final int[] a;
    private final long[] tabuUntil;
    private final Random random = new Random(1);

    private FeasibilityFirst(PlacementData d) {
        this.d = d;
        this.n = d.units();
        this.load = new long[d.clusters()][PlacementData.RESOURCES];
        this.scale = new double[PlacementData.RESOURCES];
        this.a = new int[n];
        this.tabuUntil = new long[n];
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            long sum = 0;
            int count = 0;
            for (long[] dem : d.demand()) {
                if (dem[r] > 0) {
                    sum += dem[r];
                    count++;
                }
            }
            scale[r] = count == 0 ? 1 : (double) sum / count;
        }
    }

    /**
     * @param deadline {@link System#nanoTime()} to give up at
     * @return a feasible assignment (cluster per unit), or null if none was found in time
     */
    static int[] find(PlacementData d, long deadline) {
        FeasibilityFirst search = new FeasibilityFirst(d);
        search.construct();
        return search.repair(deadline) ? search.a : null;
    }

    private void construct() {
        double[] tightness = new double[PlacementData.RESOURCES];
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            long demand = 0;
            long capacity = 0;
            for (long[] dem : d.demand()) {
                demand += dem[r];
            }
            for (long[] cap : d.capacity()) {
                capacity += cap[r];
            }
            tightness[r] = capacity == 0 ? 1 : (double) demand / capacity;
        }
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            order.add(u);
        }
        order.sort(Comparator.<Integer>comparingLong(u -> -d.demand()[u][2])
                .thenComparingDouble(u -> -weightedSize(u, tightness))
                .thenComparingInt(u -> u));
        for (int u : order) {
            int bestCluster = -1;
            double bestKey = Double.POSITIVE_INFINITY;
            for (int k : d.candidates()[u]) {
                double key = fitsNow(u, k) ? slackAfter(u, k, tightness) : 1e12 + overloadDelta(u, -1, k);
                key += 1e-9 * d.moveCount()[u][k];
                if (key < bestKey) {
                    bestKey = key;
                    bestCluster = k;
                }
            }
            a[u] = bestCluster;
            add(u, bestCluster, 1);
        }
    }

    private boolean repair(long deadline) {
        List<Integer> over = new ArrayList<>();
        for (long iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            over.clear();
            for (int k = 0; k < d.clusters(); k++) {
                if (overload(k, 0, -1) > 0) {
                    over.add(k);
                }
            }
            if (over.isEmpty()) {
                return true;
            }
            if ((iteration & 63) == 0 && System.nanoTime() > deadline) {
                return false;
            }
            int k = over.get(random.nextInt(over.size()));
            if (!bestStep(k, iteration)) {
                randomStep(k, iteration);
            }
        }
        return false;
    }

    /** Applies the best non-tabu move or swap of a unit off over-full cluster k; false if there is none. */
    private boolean bestStep(int k, long iteration) {
        double bestDelta = Double.POSITIVE_INFINITY;
        int bestU = -1;
        int bestV = -1;
        int bestTo = -1;
        int ties = 0;
        double current = totalOverload();
        for (int u = 0; u < n; u++) {
            if (a[u] != k) {
                continue;
            }
            for (int to : d.candidates()[u]) {
                if (to == k) {
                    continue;
                }
                double delta = overloadDelta(u, k, to) + 1e-6 * (d.moveCount()[u][to] - d.moveCount()[u][k]);
                boolean free = tabuUntil[u] <= iteration || current + delta < 1e-12;
                if (free && delta <= bestDelta) {
                    ties = delta < bestDelta ? 1 : ties + 1;
                    if (delta < bestDelta || random.nextInt(ties) == 0) {
                        bestDelta = delta;
                        bestU = u;
                        bestV = -1;
                        bestTo = to;
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                int to = a[v];
                if (to == k || !allowed(u, to) || !allowed(v, k)) {
                    continue;
                }
                double delta = swapDelta(u, v);
                boolean free = (tabuUntil[u] <= iteration && tabuUntil[v] <= iteration) || current + delta < 1e-12;
                if (free && delta <= bestDelta) {
                    ties = delta < bestDelta ? 1 : ties + 1;
                    if (delta < bestDelta || random.nextInt(ties) == 0) {
                        bestDelta = delta;
                        bestU = u;
                        bestV = v;
                        bestTo = to;
                    }
                }
            }
        }
        if (bestU < 0) {
            return false;
        }
        relocate(bestU, bestTo, iteration);
        if (bestV >= 0) {
            relocate(bestV, k, iteration);
        }
        return true;
    }

    private void randomStep(int k, long iteration) {
        List<Integer> on = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            if (a[u] == k && d.candidates()[u].length > 1) {
                on.add(u);
            }
        }
        if (on.isEmpty()) {
            return;
        }
        int u = on.get(random.nextInt(on.size()));
        int[] candidates = d.candidates()[u];
        int to = candidates[random.nextInt(candidates.length)];
        if (to != k) {
            relocate(u, to, iteration);
        }
    }

    private void relocate(int u, int to, long iteration) {
        add(u, a[u], -1);
        a[u] = to;
        add(u, to, 1);
        tabuUntil[u] = iteration + TENURE + random.nextInt(5);
    }

    private boolean allowed(int u, int k) {
        for (int c : d.candidates()[u]) {
            if (c == k) {
                return true;
            }
        }
        return false;
    }

    /** Change of the total overload if u moves from {@code from} (−1: unplaced) to {@code to}. */
    private double overloadDelta(int u, int from, int to) {
        double delta = overload(to, 1, u) - overload(to, 0, -1);
        if (from >= 0) {
            delta += overload(from, -1, u) - overload(from, 0, -1);
        }
        return delta;
    }

    private double swapDelta(int u, int v) {
        int ku = a[u];
        int kv = a[v];
        double before = overload(ku, 0, -1) + overload(kv, 0, -1);
        double after = 0;
        for (int[] pair : new int[][] {{ku, u, v}, {kv, v, u}}) {
            int k = pair[0];
            long[] dOut = d.demand()[pair[1]];
            long[] dIn = d.demand()[pair[2]];
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                long excess = load[k][r] - dOut[r] + dIn[r] - d.capacity()[k][r];
                if (excess > 0) {
                    after += excess / scale[r];
                }
            }
        }
        return after - before;
    }

    /** Overload of cluster k if unit u is added (sign 1), removed (−1) or neither (0). */
    private double overload(int k, int sign, int u) {
        double sum = 0;
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            long excess = load[k][r] + (sign == 0 ? 0 : sign * d.demand()[u][r]) - d.capacity()[k][r];
            if (excess > 0) {
                sum += excess / scale[r];
            }
        }
        return sum;
    }

    private double totalOverload() {
        double sum = 0;
        for (int k = 0; k < d.clusters(); k++) {
            sum += overload(k, 0, -1);
        }
        return sum;
    }

    private boolean fitsNow(int u, int k) {
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            if (load[k][r] + d.demand()[u][r] > d.capacity()[k][r]) {
                return false;
            }
        }
        return true;
    }

    /** Weighted free room left on k after adding u (smaller: tighter fit). */
    private double slackAfter(int u, int k, double[] tightness) {
        double sum = 0;
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            sum += tightness[r] * (d.capacity()[k][r] - load[k][r] - d.demand()[u][r]) / scale[r];
        }
        return sum;
    }

    private double weightedSize(int u, double[] tightness) {
        double sum = 0;
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            sum += tightness[r] * d.demand()[u][r] / scale[r];
        }
        return sum;
    }

    private void add(int u, int k, int sign) {
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            load[k][r] += sign * d.demand()[u][r];
        }
    }
}
