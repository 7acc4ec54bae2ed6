package dev.smo.optimizer.internal.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lower bound on the edge-cut term between unplaced units: the dual of the pairwise (local-polytope) LP
 * relaxation, improved by MPLP block-coordinate ascent.
 *
 * <p>Every open edge e = (u, v) of weight w (both ends unplaced) carries two message vectors {@code a_e(k)},
 * {@code b_e(l)}. They re-parametrise the objective without changing it: unit u's cost becomes
 * {@code θ_u(k) = value_u(k) + Σ_e a_e(k)} and the edge keeps {@code w·[k ≠ l] − a_e(k) − b_e(l)}. For every complete
 * assignment of the unplaced units the objective equals the sum of the re-parametrised unit and edge terms, so
 * {@code Σ_e min_{k,l} residual_e(k,l) + (any lower bound on Σ_u θ_u(x_u) under the capacities)} is a lower bound,
 * whatever the messages are. The edge minima are computed exactly over the units' current domains (clusters with
 * room), so the bound never depends on convergence; MPLP updates only make it tighter. Messages are kept between
 * nodes (warm start from the last node searched) and are never reset, which keeps the search deterministic.
 */
final class MessageBound {

    private final PlacementData d;
    private final int clusters;
    private final int[] from;
    private final int[] to;
    private final double[] weight;
    private final double[][] a;
    private final double[][] b;
    private final int[][] edgesOf;
    private final double[] hu;
    private final double[] hv;
    private int argFirst = -1;
    private int argSecond = -1;

    /** Free capacity per cluster at the node being bounded (null: no pair-capacity restriction). */
    private long[][] remaining;

    MessageBound(PlacementData d, int[] units) {
        this.d = d;
        this.clusters = d.clusters();
        boolean[] inside = new boolean[d.units()];
        for (int u : units) {
            inside[u] = true;
        }
        List<long[]> edges = new ArrayList<>();
        List<List<Integer>> incident = new ArrayList<>();
        for (int u = 0; u < d.units(); u++) {
            incident.add(new ArrayList<>());
        }
        for (int u : units) {
            int[] nb = d.neighbours()[u];
            for (int i = 0; i < nb.length; i++) {
                if (nb[i] > u && inside[nb[i]]) {
                    incident.get(u).add(edges.size());
                    incident.get(nb[i]).add(edges.size());
                    edges.add(new long[] {u, nb[i], d.edgeCost()[u][i]});
                }
            }
        }
        int m = edges.size();
        from = new int[m];
        to = new int[m];
        weight = new double[m];
        for (int e = 0; e < m; e++) {
            from[e] = (int) edges.get(e)[0];
            to[e] = (int) edges.get(e)[1];
            weight[e] = edges.get(e)[2];
        }
        a = new double[m][clusters];
        b = new double[m][clusters];
        edgesOf = new int[d.units()][];
        for (int u = 0; u < d.units(); u++) {
            edgesOf[u] = incident.get(u).stream().mapToInt(Integer::intValue).toArray();
        }
        hu = new double[clusters];
        hv = new double[clusters];
    }

    /**
     * Runs {@code sweeps} MPLP passes over the open edges and fills {@code theta} with the re-parametrised unit costs.
     * Both ends of an open edge can share cluster k only if their combined demand fits in {@code free[k]} (every
     * feasible completion respects that, since the other unplaced units only take more room): the edge's
     * same-cluster case is then charged only where the pair fits together, and an edge whose ends cannot share any
     * common cluster is charged its full weight.
     *
     * @param units the component's units
     * @param assigned cluster per unit, −1 while unplaced
     * @param value per unplaced unit and cluster its cost given the placed units; +∞ where it has no room
     * @param theta out: per unplaced unit the re-parametrised cost (+∞ where it has no room)
     * @param free free capacity per cluster at this node
     * @return the sum over open edges of the minimum of their residual terms (a lower bound on what they add)
     */
    double run(int[] units, int[] assigned, double[][] value, double[][] theta, int sweeps, long[][] free) {
        this.remaining = free;
        fill(units, assigned, value, theta);
        for (int s = 0; s < sweeps; s++) {
            for (int e = 0; e < from.length; e++) {
                if (open(e, assigned)) {
                    update(e, theta[from[e]], theta[to[e]]);
                }
            }
        }
        double residual = 0;
        for (int e = 0; e < from.length; e++) {
            if (open(e, assigned)) {
                residual += residual(e, theta[from[e]], theta[to[e]]);
            }
        }
        return residual;
    }

    /** θ = value + the messages of the open edges, per unplaced unit. */
    void fill(int[] units, int[] assigned, double[][] value, double[][] theta) {
        for (int u : units) {
            if (assigned[u] >= 0) {
                continue;
            }
            double[] t = theta[u];
            System.arraycopy(value[u], 0, t, 0, clusters);
            for (int e : edgesOf[u]) {
                if (open(e, assigned)) {
                    double[] msg = from[e] == u ? a[e] : b[e];
                    for (int k = 0; k < clusters; k++) {
                        t[k] += msg[k];
                    }
                }
            }
        }
    }

    int clusters() {
        return clusters;
    }

    int edges() {
        return from.length;
    }

    int from(int e) {
        return from[e];
    }

    int to(int e) {
        return to[e];
    }

    double weight(int e) {
        return weight[e];
    }

    /** The message vector of edge e at its first end ({@link #from}); changing it changes the messages. */
    double[] first(int e) {
        return a[e];
    }

    /** The message vector of edge e at its second end ({@link #to}). */
    double[] second(int e) {
        return b[e];
    }

    int[] edgesOf(int u) {
        return edgesOf[u];
    }

    /** Sets the free capacities that {@link #shareable} checks. */
    void restrictTo(long[][] free) {
        this.remaining = free;
    }

    boolean isOpen(int e, int[] assigned) {
        return open(e, assigned);
    }

    private boolean open(int e, int[] assigned) {
        return assigned[from[e]] < 0 && assigned[to[e]] < 0;
    }

    /** The MPLP edge update: each end gets half of the pair's min-marginal. Infinite entries are outside domains. */
    private void update(int e, double[] tu, double[] tv) {
        double[] ae = a[e];
        double[] be = b[e];
        double minU = Double.POSITIVE_INFINITY;
        double minV = Double.POSITIVE_INFINITY;
        for (int k = 0; k < clusters; k++) {
            hu[k] = tu[k] - ae[k];
            hv[k] = tv[k] - be[k];
            minU = Math.min(minU, hu[k]);
            minV = Math.min(minV, hv[k]);
        }
        double w = weight[e];
        for (int k = 0; k < clusters; k++) {
            if (hu[k] != Double.POSITIVE_INFINITY) {
                double marginal = Math.min(hv[k], minV + w);
                ae[k] = 0.5 * (marginal - hu[k]);
                tu[k] = hu[k] + ae[k];
            }
            if (hv[k] != Double.POSITIVE_INFINITY) {
                double marginal = Math.min(hu[k], minU + w);
                be[k] = 0.5 * (marginal - hv[k]);
                tv[k] = hv[k] + be[k];
            }
        }
    }

    /**
     * min over k, l in the domains of {@code w·[k ≠ l] − a(k) − b(l)}; the minimising pair is left in
     * {@link #argFirst} and {@link #argSecond} (−1 when an end has an empty domain).
     */
    double residual(int e, double[] tu, double[] tv) {
        double[] ae = a[e];
        double[] be = b[e];
        double same = Double.POSITIVE_INFINITY;
        int sameK = -1;
        double maxA = Double.NEGATIVE_INFINITY;
        double secondA = Double.NEGATIVE_INFINITY;
        int argA = -1;
        int secondArgA = -1;
        double maxB = Double.NEGATIVE_INFINITY;
        double secondB = Double.NEGATIVE_INFINITY;
        int argB = -1;
        int secondArgB = -1;
        for (int k = 0; k < clusters; k++) {
            boolean inU = tu[k] != Double.POSITIVE_INFINITY;
            boolean inV = tv[k] != Double.POSITIVE_INFINITY;
            if (inU && inV && shareable(e, k) && -ae[k] - be[k] < same) {
                same = -ae[k] - be[k];
                sameK = k;
            }
            if (inU) {
                if (ae[k] > maxA) {
                    secondA = maxA;
                    secondArgA = argA;
                    maxA = ae[k];
                    argA = k;
                } else if (ae[k] > secondA) {
                    secondA = ae[k];
                    secondArgA = k;
                }
            }
            if (inV) {
                if (be[k] > maxB) {
                    secondB = maxB;
                    secondArgB = argB;
                    maxB = be[k];
                    argB = k;
                } else if (be[k] > secondB) {
                    secondB = be[k];
                    secondArgB = k;
                }
            }
        }
        argFirst = -1;
        argSecond = -1;
        if (argA < 0 || argB < 0) {
            return 0;
        }
        double across;
        int k = argA;
        int l = argB;
        if (argA != argB) {
            across = maxA + maxB;
        } else if (maxA + secondB >= secondA + maxB) {
            across = maxA + secondB;
            l = secondArgB;
        } else {
            across = secondA + maxB;
            k = secondArgA;
        }
        double acrossValue = weight[e] - across;
        if (same <= acrossValue) {
            argFirst = sameK;
            argSecond = sameK;
            return same;
        }
        argFirst = k;
        argSecond = l;
        return acrossValue;
    }

    /** The first end's cluster in the minimising pair of the last {@link #residual}. */
    int argFirst() {
        return argFirst;
    }

    /** The second end's cluster in the minimising pair of the last {@link #residual}. */
    int argSecond() {
        return argSecond;
    }

    /** Whether both ends of edge e fit on cluster k together (always true without {@code remaining}). */
    boolean shareable(int e, int k) {
        if (remaining == null) {
            return true;
        }
        long[] du = d.demand()[from[e]];
        long[] dv = d.demand()[to[e]];
        long[] free = remaining[k];
        return du[0] + dv[0] <= free[0] && du[1] + dv[1] <= free[1] && du[2] + dv[2] <= free[2];
    }

    static void fillInfinite(double[][] rows) {
        for (double[] row : rows) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
    }
}
