package dev.smo.optimizer.internal.placement;

import java.util.function.DoublePredicate;

/**
 * The bound calculator of {@link UnitSearch}: at a node (a {@link SearchState}), the cost so far, plus the
 * {@link MessageBound} (an MPLP-tightened dual of the pairwise LP, which charges edges between unplaced units;
 * warm-started from the last node), plus each unplaced unit's cheapest re-parametrised cost, plus the
 * {@link EvictionBound} for clusters that too many units want. Unit costs are optionally charged
 * {@link CapacityPrices} (Lagrangian prices on the capacity rows, tuned at the root); both the priced and the plain
 * bound are valid with the same messages and the stronger is used; when asked, the node also tries prices re-tuned for
 * its own free capacities ({@link #retunedBound}, discarded afterwards). The message residuals let both ends of an
 * edge share a cluster only where their combined demand fits. With a move budget, clusters that would exceed it are
 * removed from the units' domains. At the root of a main search, the {@link KnapsackBound} (capacities as exact
 * per-cluster knapsacks) and the {@link JointAscent} (messages and knapsack multipliers tuned together) are also
 * tried; the children inherit the result. After {@link #compute}, {@link #theta}, {@link #best}, {@link #regret} and
 * {@link #arg} describe the node's re-parametrised unit costs, for fixing and branching.
 */
final class NodeBound {

    /** Subgradient steps of the {@link KnapsackBound} at the root. */
    private static final int KNAPSACK_ROUNDS = 60;

    /** Steps of the joint ascent on messages and knapsack multipliers at the root. */
    private static final int JOINT_ITERATIONS = 3_000;

    /** Share of the time left that the joint ascent may take. */
    private static final double JOINT_SHARE = 0.15;

    /** Subgradient steps of the node-local price re-tuning (warm-started from the root prices, never kept). */
    private static final int LOCAL_ROUNDS = 10;

    /** A node's bound: {@code base} without the eviction term (for fixing and child bounds), {@code bound} with it. */
    record Result(double base, double bound) {}

    private final PlacementData d;
    private final int[] units;
    private final SearchState state;
    private final int[] assigned;
    private final long[][] remaining;
    private final int moveBudget;
    private final double[] best;
    private final double[] regret;
    private final int[] arg;
    private final double[][] nodeValue;
    private final double[][] theta;
    private final MessageBound messages;
    private final CapacityPrices prices;
    private final EvictionBound eviction;
    private final KnapsackBound knapsack;
    private final double[][] plainValue;
    private final long deadline;
    private final double[][] charge;
    private final double[][] plain;
    private final double[][] bestLocalPrice;
    private final int[] minMoves;
    private double localBase;
    private boolean pricesActive;

    NodeBound(PlacementData d, int[] units, SearchState state, int moveBudget, long deadline) {
        this.deadline = deadline;
        this.d = d;
        this.units = units;
        this.state = state;
        this.assigned = state.assigned;
        this.remaining = state.remaining;
        this.moveBudget = moveBudget;
        int n = d.units();
        this.best = new double[n];
        this.regret = new double[n];
        this.arg = new int[n];
        this.nodeValue = new double[n][d.clusters()];
        this.theta = new double[n][d.clusters()];
        MessageBound.fillInfinite(nodeValue);
        MessageBound.fillInfinite(theta);
        this.messages = new MessageBound(d, units);
        this.prices = new CapacityPrices(d);
        this.eviction = new EvictionBound(d);
        this.charge = new double[n][d.clusters()];
        this.plain = new double[n][d.clusters()];
        this.bestLocalPrice = new double[d.clusters()][PlacementData.RESOURCES];
        this.minMoves = new int[n];
        this.knapsack = new KnapsackBound(d);
        this.plainValue = new double[n][d.clusters()];
        MessageBound.fillInfinite(plainValue);
    }

    double theta(int u, int k) {
        return theta[u][k];
    }

    double best(int u) {
        return best[u];
    }

    double regret(int u) {
        return regret[u];
    }

    int arg(int u) {
        return arg[u];
    }

    /** Tunes the {@link CapacityPrices} at the root (before the search) by up to {@code rounds} subgradient steps. */
    void tunePrices(int rounds, double target, long deadline) {
        for (int i = 0; i < rounds && System.nanoTime() < deadline; i++) {
            prices.fill(units, charge);
            if (!evaluate()) {
                break;
            }
            double residual = messages.run(units, assigned, nodeValue, theta, 3, remaining);
            double bound = residual + summarise() - prices.credit(remaining);
            if (!prices.step(bound, target, units, assigned, arg, remaining)) {
                break;
            }
        }
        prices.keepBest();
        pricesActive = prices.any();
        prices.fill(units, charge);
    }

    /**
     * @param total the cost of the placed units
     * @param sweeps MPLP sweeps
     * @param parentBound the parent's bound (a child's bound is at least its parent's)
     * @param target the incumbent value (aim of the re-tuning)
     * @param retuneIf given the bound so far, whether to try prices re-tuned for this node
     * @param rootCutoff at the search's root, the bound that prunes it (NaN elsewhere): below it the root also takes
     *     the {@link KnapsackBound} and the {@link JointAscent} (its children inherit them through
     *     {@code parentBound})
     * @return the bound, or null if an unplaced unit has no cluster with room (or the move budget is exceeded)
     */
    Result compute(
            double total, int sweeps, double parentBound, double target, DoublePredicate retuneIf, double rootCutoff) {
        if (!evaluate()) {
            return null;
        }
        double residual = messages.run(units, assigned, nodeValue, theta, sweeps, remaining);
        double base = total + residual + summarise() - prices.credit(remaining);
        double bound = base + eviction.compute(units, assigned, arg, regret, remaining);
        boolean priced = true;
        if (pricesActive) {
            CapacityPrices.shift(units, assigned, charge, theta, -1);
            double plainBase = total + residual + summarise();
            double plainBound = plainBase + eviction.compute(units, assigned, arg, regret, remaining);
            if (plainBound >= bound) {
                base = plainBase;
                bound = plainBound;
                priced = false;
            } else {
                CapacityPrices.shift(units, assigned, charge, theta, 1);
                summarise();
            }
        }
        if (bound < rootCutoff) {
            bound = Math.max(bound, knapsackBound(total, residual, target, priced && pricesActive));
        }
        if (bound < rootCutoff) {
            bound = Math.max(bound, jointBound(total, target, rootCutoff, pricesActive && !priced));
        }
        bound = Math.max(parentBound, bound);
        if (retuneIf.test(bound)) {
            double retuned = retunedBound(total, residual, priced, bound, target);
            if (retuned > bound) {
                base = localBase;
                bound = retuned;
            }
        }
        return new Result(base, bound);
    }

    /**
     * A bound at this node with capacity prices re-tuned for it: {@link #LOCAL_ROUNDS} Polyak subgradient steps from
     * the root prices on the node's free capacities, with the node's messages (the edge residuals do not depend on
     * the unit terms, so any non-negative prices give a valid bound, see {@link CapacityPrices}). The local prices are
     * discarded afterwards; {@code theta} (with the root prices if {@code priced}) and the summaries are restored.
     */
    private double retunedBound(double total, double residual, boolean priced, double current, double target) {
        for (int u : units) {
            if (assigned[u] < 0) {
                double[] row = theta[u];
                double[] p = plain[u];
                double[] c = charge[u];
                for (int k : d.candidates()[u]) {
                    p[k] = priced ? row[k] - c[k] : row[k];
                }
            }
        }
        prices.retune(units, assigned, plain, remaining, total + residual, target, LOCAL_ROUNDS, bestLocalPrice);
        for (int u : units) {
            if (assigned[u] < 0) {
                long[] dem = d.demand()[u];
                double[] row = theta[u];
                for (int k : d.candidates()[u]) {
                    double[] p = bestLocalPrice[k];
                    row[k] = plain[u][k] + p[0] * dem[0] + p[1] * dem[1] + p[2] * dem[2];
                }
            }
        }
        double credit = CapacityPrices.credit(bestLocalPrice, remaining);
        localBase = total + residual + summarise() - credit;
        double result = localBase + eviction.compute(units, assigned, arg, regret, remaining);
        if (result > current) {
            return result;
        }
        for (int u : units) {
            if (assigned[u] < 0) {
                double[] row = theta[u];
                double[] c = charge[u];
                for (int k : d.candidates()[u]) {
                    row[k] = priced ? plain[u][k] + c[k] : plain[u][k];
                }
            }
        }
        summarise();
        return result;
    }

    /**
     * The {@link KnapsackBound} at the root on the unpriced unit costs (the knapsacks keep the capacities
     * themselves). Leaves {@code theta} and the summaries as they were.
     */
    private double knapsackBound(double total, double residual, double target, boolean priced) {
        if (priced) {
            CapacityPrices.shift(units, assigned, charge, theta, -1);
        }
        summarise();
        double value = knapsack.bound(
                units, assigned, theta, best, regret, remaining, target - total - residual, KNAPSACK_ROUNDS);
        if (priced) {
            CapacityPrices.shift(units, assigned, charge, theta, 1);
        }
        summarise();
        return total + residual + value;
    }

    /**
     * The joint bound of {@link JointAscent} at the root: messages and knapsack multipliers tuned
     * together on the unpriced unit costs. Leaves {@code theta} (plain if {@code plainTheta}, else with the root
     * prices) and the summaries as they were.
     */
    private double jointBound(double total, double target, double cutoff, boolean plainTheta) {
        long now = System.nanoTime();
        for (int u : units) {
            if (assigned[u] < 0) {
                for (int k : d.candidates()[u]) {
                    plainValue[u][k] = nodeValue[u][k] - charge[u][k];
                }
            }
        }
        double value = JointAscent.run(
                messages,
                units,
                assigned,
                plainValue,
                theta,
                remaining,
                knapsack,
                target - total,
                cutoff - total,
                JOINT_ITERATIONS,
                now + (long) (JOINT_SHARE * Math.max(0, deadline - now)));
        messages.run(units, assigned, nodeValue, theta, 0, remaining);
        if (plainTheta) {
            CapacityPrices.shift(units, assigned, charge, theta, -1);
        }
        summarise();
        return total + value;
    }

    /** Fills {@code nodeValue} for the unplaced units; false if one has no cluster with room. */
    private boolean evaluate() {
        for (int u : units) {
            if (assigned[u] >= 0) {
                continue;
            }
            double[] row = nodeValue[u];
            boolean any = false;
            for (int k : d.candidates()[u]) {
                if (d.fits(u, k, remaining)) {
                    row[k] = state.value(u, k) + charge[u][k];
                    any = true;
                } else {
                    row[k] = Double.POSITIVE_INFINITY;
                }
            }
            if (!any) {
                return false;
            }
        }
        return moveBudget == Integer.MAX_VALUE || withinMoveBudget();
    }

    /**
     * Keeps the unplaced units' domains within the move budget: with {@code slack} = budget − moves so far − each
     * unplaced unit's fewest moves, a cluster that costs a unit more than {@code slack} moves above its fewest is
     * removed from its domain ({@code nodeValue} +∞), since no completion within the budget can use it.
     *
     * @return false if even the fewest moves exceed the budget
     */
    private boolean withinMoveBudget() {
        long slack = (long) moveBudget - state.movesUsed();
        for (int u : units) {
            if (assigned[u] >= 0) {
                continue;
            }
            int fewest = Integer.MAX_VALUE;
            for (int k : d.candidates()[u]) {
                if (nodeValue[u][k] != Double.POSITIVE_INFINITY) {
                    fewest = Math.min(fewest, d.moveCount()[u][k]);
                }
            }
            minMoves[u] = fewest;
            slack -= fewest;
        }
        if (slack < 0) {
            return false;
        }
        for (int u : units) {
            if (assigned[u] < 0) {
                for (int k : d.candidates()[u]) {
                    if (d.moveCount()[u][k] - minMoves[u] > slack) {
                        nodeValue[u][k] = Double.POSITIVE_INFINITY;
                    }
                }
            }
        }
        return true;
    }

    /** Sets best, second-best regret and arg from {@code theta}; returns the sum of the minima. */
    private double summarise() {
        double sum = 0;
        for (int u : units) {
            if (assigned[u] >= 0) {
                continue;
            }
            double b = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int a = -1;
            double[] row = theta[u];
            for (int k : d.candidates()[u]) {
                double v = row[k];
                if (v < b) {
                    second = b;
                    b = v;
                    a = k;
                } else if (v < second) {
                    second = v;
                }
            }
            best[u] = b;
            arg[u] = a;
            regret[u] = second - b;
            sum += b;
        }
        return sum;
    }
}
