package dev.smo.optimizer.internal.placement;

import java.util.Arrays;

/**
 * A lower bound on {@code Σ_u θ_u(x_u)} over the unplaced units under the clusters' free capacities, stronger than the
 * LP: the assignment rows ({@code Σ_k x_uk = 1}) are relaxed with multipliers λ_u, which splits the problem per
 * cluster into a 0-1 knapsack over CPU, memory and GPUs —
 * {@code L(λ) = Σ_u λ_u − Σ_k max{Σ_{u∈S}(λ_u − θ_u(k)) : S fits in k}}. Each knapsack is solved exactly by a small
 * branch and bound (an upper bound, the fractional one of its tightest resource, when it has too many items or
 * nodes), so L(λ) is valid for every λ; the knapsacks' integrality is what the LP lacks when units are large against
 * the holes left in the clusters. λ starts at each unit's second-cheapest cost (where {@code L} is the cheapest costs
 * plus each cluster's exact cheapest eviction) and is improved by Polyak subgradient steps towards a target. One
 * instance per search: scratch buffers, not thread-safe.
 */
final class KnapsackBound {

    /** Knapsacks with more candidate items than this use the fractional bound. */
    private static final int MAX_ITEMS = 48;
    /** Branch-and-bound nodes per knapsack before falling back to the fractional bound. */
    private static final int MAX_NODES = 4_000;

    private static final double EPS = 1e-9;

    private final PlacementData d;
    private final double[] lambda;

    private final int[] taken;
    private final boolean[][] member;
    private final double[] step;
    // one knapsack's items (scratch)
    private final int[] item;
    private final double[] profit;
    private final long[][] weight;
    private final int[][] byRatio;
    private final boolean[] chosen;
    private final boolean[] bestChosen;
    private final boolean[] decided;
    private int n;
    private long[] capacity;
    private double best;
    private int nodes;

    KnapsackBound(PlacementData d) {
        this.d = d;
        int units = d.units();
        this.lambda = new double[units];

        this.taken = new int[units];
        this.member = new boolean[units][d.clusters()];
        this.step = new double[units];
        this.item = new int[units];
        this.profit = new double[units];
        this.weight = new long[units][];
        this.byRatio = new int[PlacementData.RESOURCES][units];
        this.chosen = new boolean[units];
        this.bestChosen = new boolean[units];
        this.decided = new boolean[units];
    }

    /**
     * @param theta per unplaced unit and cluster its cost (+∞ outside its domain)
     * @param best per unplaced unit its cheapest cost; {@code second} its second cheapest (+∞ if none)
     * @param target an upper bound on the minimum (the incumbent's share), the aim of the subgradient steps
     * @param rounds subgradient steps after the start
     * @return a lower bound on the minimum of {@code Σ_u θ_u(x_u)} with every unit on one cluster and the free
     *     capacities kept
     */
    double bound(
            int[] units,
            int[] assigned,
            double[][] theta,
            double[] best,
            double[] regret,
            long[][] remaining,
            double target,
            int rounds) {
        start(units, assigned, best, regret);
        double bestValue = Double.NEGATIVE_INFINITY;
        double scale = 1.0;
        int stall = 0;
        for (int round = 0; round <= rounds; round++) {
            double value = evaluate(units, assigned, theta, remaining);
            if (value > bestValue + EPS) {
                bestValue = value;
                stall = 0;
            } else if (++stall >= 3) {
                scale *= 0.5;
                stall = 0;
            }
            if (round == rounds || value >= target - EPS) {
                break;
            }
            double norm = lambdaSlope(units, assigned);
            if (norm == 0) {
                break;
            }
            moveLambda(units, assigned, scale * (target - value) / norm);
        }
        return bestValue;
    }

    /** Sets λ to each unplaced unit's second-cheapest cost (its cheapest + 1 when it has one cluster only). */
    void start(int[] units, int[] assigned, double[] best, double[] regret) {
        for (int u : units) {
            if (assigned[u] < 0) {
                double second = best[u] + regret[u];
                lambda[u] = Double.isInfinite(second) ? best[u] + 1 : second;
            }
        }
    }

    /** L(λ) for the current λ (see {@link #evaluate}); {@link #member} then says which knapsacks took which unit. */
    double value(int[] units, int[] assigned, double[][] theta, long[][] remaining) {
        return evaluate(units, assigned, theta, remaining);
    }

    /** Whether the last {@link #value} put unit u in cluster k's knapsack. */
    boolean member(int u, int k) {
        return member[u][k];
    }

    /** The subgradient of L in λ at the last {@link #value}: 1 − (knapsacks that took u); returns its squared norm. */
    double lambdaSlope(int[] units, int[] assigned) {
        double norm = 0;
        for (int u : units) {
            if (assigned[u] < 0) {
                double g = 1 - taken[u];
                step[u] = g;
                norm += g * g;
            }
        }
        return norm;
    }

    /** Moves λ by {@code t} times the last {@link #lambdaSlope}. */
    void moveLambda(int[] units, int[] assigned, double t) {
        for (int u : units) {
            if (assigned[u] < 0) {
                lambda[u] += t * step[u];
            }
        }
    }

    /** L(λ) for the current λ; fills {@link #taken} with how many knapsacks took each unit. */
    private double evaluate(int[] units, int[] assigned, double[][] theta, long[][] remaining) {
        double value = 0;
        for (int u : units) {
            if (assigned[u] < 0) {
                value += lambda[u];
                taken[u] = 0;
                Arrays.fill(member[u], false);
            }
        }
        for (int k = 0; k < d.clusters(); k++) {
            n = 0;
            for (int u : units) {
                if (assigned[u] < 0) {
                    double p = lambda[u] - theta[u][k];
                    if (p > EPS) {
                        item[n] = u;
                        profit[n] = p;
                        weight[n] = d.demand()[u];
                        n++;
                    }
                }
            }
            if (n == 0) {
                continue;
            }
            value -= knapsack(remaining[k]);
            for (int i = 0; i < n; i++) {
                if (bestChosen[i]) {
                    taken[item[i]]++;
                    member[item[i]][k] = true;
                }
            }
        }
        return value;
    }

    /** An upper bound on the best profit of the current items in {@code cap}; {@link #bestChosen} a good subset. */
    private double knapsack(long[] cap) {
        capacity = cap;
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            sortByRatio(r);
        }
        Arrays.fill(decided, 0, n, false);
        Arrays.fill(chosen, 0, n, false);
        double root = fractional(cap[0], cap[1], cap[2]);
        greedy();
        if (n > MAX_ITEMS || best >= root - EPS) {
            return root;
        }
        branchResource = tightest();
        nodes = 0;
        boolean complete = search(0, 0.0, cap[0], cap[1], cap[2]);
        return complete ? best : root;
    }

    /** A feasible subset taken greedily by the tightest resource's ratio (the first incumbent). */
    private void greedy() {
        int r = tightest();
        long c0 = capacity[0];
        long c1 = capacity[1];
        long c2 = capacity[2];
        double value = 0;
        Arrays.fill(bestChosen, 0, n, false);
        for (int j = 0; j < n; j++) {
            int i = byRatio[r][j];
            long[] w = weight[i];
            if (w[0] <= c0 && w[1] <= c1 && w[2] <= c2) {
                c0 -= w[0];
                c1 -= w[1];
                c2 -= w[2];
                value += profit[i];
                bestChosen[i] = true;
            }
        }
        best = value;
    }

    /** The resource the items need most of relative to the capacity. */
    private int tightest() {
        int result = 0;
        double worst = -1;
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += weight[i][r];
            }
            double load = capacity[r] == 0 ? (sum == 0 ? 0 : Double.POSITIVE_INFINITY) : (double) sum / capacity[r];
            if (load > worst) {
                worst = load;
                result = r;
            }
        }
        return result;
    }

    /** Depth-first over the items in the tightest resource's ratio order; false when it ran out of nodes. */
    private boolean search(int depth, double value, long c0, long c1, long c2) {
        if (++nodes > MAX_NODES) {
            return false;
        }
        if (value > best + EPS) {
            best = value;
            System.arraycopy(chosen, 0, bestChosen, 0, n);
        }
        if (depth == n) {
            return true;
        }
        if (value + fractional(c0, c1, c2) <= best + EPS) {
            return true;
        }
        int i = byRatio[branchResource][depth];
        long[] w = weight[i];
        decided[i] = true;
        boolean complete = true;
        if (w[0] <= c0 && w[1] <= c1 && w[2] <= c2) {
            chosen[i] = true;
            complete = search(depth + 1, value + profit[i], c0 - w[0], c1 - w[1], c2 - w[2]);
            chosen[i] = false;
        }
        if (complete) {
            complete = search(depth + 1, value, c0, c1, c2);
        }
        decided[i] = false;
        return complete;
    }

    private int branchResource;

    /** min over resources of the fractional knapsack of the undecided items in the given capacities. */
    private double fractional(long c0, long c1, long c2) {
        double result = Double.POSITIVE_INFINITY;
        long[] caps = {c0, c1, c2};
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            long left = caps[r];
            double value = 0;
            for (int j = 0; j < n; j++) {
                int i = byRatio[r][j];
                if (decided[i]) {
                    continue;
                }
                long w = weight[i][r];
                if (w <= left) {
                    left -= w;
                    value += profit[i];
                } else {
                    value += profit[i] * left / w;
                    break;
                }
            }
            result = Math.min(result, value);
        }
        return result;
    }

    /** Orders the items by profit per unit of resource r, best first (items not needing r first). */
    private void sortByRatio(int r) {
        int[] order = byRatio[r];
        for (int i = 0; i < n; i++) {
            int j = i;
            double key = ratio(i, r);
            while (j > 0 && ratio(order[j - 1], r) < key) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
    }

    private double ratio(int i, int r) {
        long w = weight[i][r];
        return w == 0 ? Double.POSITIVE_INFINITY : profit[i] / w;
    }
}
