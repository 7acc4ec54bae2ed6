package dev.smo.optimizer.internal.placement;

import java.util.Arrays;

/**
 * Depth-first branch and bound over the units of one independent component.
 *
 * <p>Bound at a node: the cost so far, plus the {@link MessageBound} (an MPLP-tightened dual of the pairwise LP,
 * which charges edges between unplaced units; warm-started from the last node), plus each unplaced unit's cheapest
 * re-parametrised cost, plus the {@link EvictionBound} for clusters that too many units want. Unit costs are
 * optionally charged {@link CapacityPrices} (Lagrangian prices on the capacity rows, tuned at the root); both the
 * priced and the plain bound are valid with the same messages and the stronger is used; after {@link SearchSettings#retuneAfter()}
 * nodes, a node whose bound is in the upper half of the root gap also tries prices re-tuned for its own free
 * capacities ({@link #retunedBound}, discarded afterwards). The message residuals let both ends of an edge share a
 * cluster only where their combined demand fits. A child's bound is at least
 * its parent's. Reduced-cost fixing: a unit whose every other cluster would reach the incumbent is placed on its
 * cheapest one at once. Branching: the unit with the largest regret (second cheapest minus cheapest); its clusters
 * are tried cheapest first, then in cluster order. Every new incumbent is polished by {@link LocalSearch}; after
 * {@link #NEIGHBOURHOOD_AFTER} nodes (easy instances never get there) the incumbent, and every later one, is first
 * improved by {@link NeighbourhoodSearch}, which runs small sub-searches of this class ({@link #fixOutside}).
 * Everything is deterministic (no dependence on timing except the time limit itself).
 */
final class UnitSearch {

    private static final int ROOT_SWEEPS = 50;
    private static final int PRICE_ROUNDS = 100;
    private static final int NODE_SWEEPS = 1;
    /** Subgradient steps of the node-local price re-tuning (warm-started from the root prices, never kept). */
    private static final int LOCAL_ROUNDS = 10;
    /** Nodes after which {@link NeighbourhoodSearch} runs on the incumbent, and on every later new incumbent. */
    static final long NEIGHBOURHOOD_AFTER = 1_000;

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
    private final double[][] theta;
    private final MessageBound messages;
    private final CapacityPrices prices;
    private final EvictionBound eviction;
    private final double[][] charge;
    private final double[][] plain;
    private final double[][] bestLocalPrice;
    private double localBase;
    private boolean pricesActive;
    private boolean subSearch;
    private final SearchSettings settings;
    private final int[] minMoves;
    private int movesUsed;
    private int priceRounds = PRICE_ROUNDS;
    private int rootSweeps = ROOT_SWEEPS;
    private final int[] forcedUnit;
    private final double[] forcedValue;
    private int forcedCount;
    private int unplaced;
    private double incumbentValue = Double.POSITIVE_INFINITY;
    private int[] incumbent;
    private long nodes;
    private boolean aborted;
    private double openBound = Double.POSITIVE_INFINITY;
    private double rootBound = Double.NaN;

    UnitSearch(PlacementData d, int[] units, long deadline, long nodeLimit, double absoluteGap) {
        this(d, units, deadline, nodeLimit, absoluteGap, SearchSettings.DEFAULTS);
    }

    UnitSearch(
            PlacementData d, int[] units, long deadline, long nodeLimit, double absoluteGap, SearchSettings settings) {
        this.d = d;
        this.settings = settings;
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
        this.theta = new double[n][d.clusters()];
        MessageBound.fillInfinite(nodeValue);
        MessageBound.fillInfinite(theta);
        this.messages = new MessageBound(d, units);
        this.prices = new CapacityPrices(d);
        this.eviction = new EvictionBound(d);
        this.charge = new double[n][d.clusters()];
        this.plain = new double[n][d.clusters()];
        this.bestLocalPrice = new double[d.clusters()][PlacementData.RESOURCES];
        this.forcedUnit = new int[n];
        this.forcedValue = new double[n];
        this.minMoves = new int[n];
        this.unplaced = units.length;
    }

    /** Seeds the search with a feasible assignment of this component's units (cluster per global unit). */
    void offer(int[] assignment, double value) {
        if (value < incumbentValue) {
            incumbentValue = value;
            incumbent = assignment.clone();
            polishIncumbent();
        }
    }

    /**
     * Makes this a sub-search of {@link NeighbourhoodSearch}: units outside {@code units} stay where {@code fixed}
     * puts them (−1: not in the component), only assignments below {@code cutoff} count, and incumbents are not
     * polished (local search would not see the fixed units).
     */
    void fixOutside(int[] fixed, double cutoff) {
        subSearch = true;
        priceRounds = 0;
        rootSweeps = 5;
        incumbentValue = cutoff;
        for (int u = 0; u < fixed.length; u++) {
            if (fixed[u] >= 0) {
                assign(u, fixed[u]);
                unplaced++;
            }
        }
    }

    /** Runs {@link LocalSearch} (and, after the first nodes, {@link NeighbourhoodSearch}) on the incumbent. */
    private void polishIncumbent() {
        if (!settings.polish()) {
            return;
        }
        if (!subSearch && nodes >= NEIGHBOURHOOD_AFTER) {
            keepIfBetter(NeighbourhoodSearch.improve(d, units, incumbent, deadline, absoluteGap, settings));
        }
        if (!subSearch) {
            keepIfBetter(LocalSearch.improve(d, units, incumbent, deadline, settings.moveBudget()));
        }
    }

    /**
     * Values at or above this cannot improve the incumbent: the incumbent minus the absolute gap, or, when every value
     * is an integer, anything that does not round down below the incumbent.
     */
    private double cutoff() {
        return settings.integral() ? incumbentValue - 1 + 1e-6 : incumbentValue - absoluteGap;
    }

    private void keepIfBetter(int[] candidate) {
        double value = LocalSearch.value(d, units, candidate);
        if (value < cutoff()) {
            incumbentValue = value;
            incumbent = candidate;
        }
    }

    SearchOutcome run() {
        tunePrices();
        dfs(0.0, 0, Double.NEGATIVE_INFINITY);
        boolean complete = !aborted;
        double bound = complete ? incumbentValue : Math.min(openBound, incumbentValue);
        return new SearchOutcome(
                incumbent, incumbentValue, complete, bound, nodes, Double.isNaN(rootBound) ? bound : rootBound);
    }

    private void refreshCharges() {
        prices.fill(units, charge);
    }

    /** Tunes the {@link CapacityPrices} at the root (before the search) by subgradient steps. */
    private void tunePrices() {
        for (int i = 0; i < priceRounds && System.nanoTime() < deadline; i++) {
            refreshCharges();
            if (!evaluate()) {
                break;
            }
            double residual = messages.run(units, assigned, nodeValue, theta, 3, remaining);
            double bound = residual + summarise() - prices.credit(remaining);
            if (!prices.step(bound, incumbentValue, units, assigned, arg, remaining)) {
                break;
            }
        }
        prices.keepBest();
        pricesActive = prices.any();
        refreshCharges();
    }

    private void dfs(double fixed, int depth, double parentBound) {
        nodes++;
        if (nodes == NEIGHBOURHOOD_AFTER && incumbent != null) {
            polishIncumbent();
        }
        if (!aborted && (nodes > nodeLimit || ((nodes & 15) == 0 && System.nanoTime() > deadline))) {
            aborted = true;
        }
        int forcedFrom = forcedCount;
        double total = fixed;
        double bound;
        double base;
        while (true) {
            if (unplaced == 0) {
                if (total < cutoff() && movesUsed <= settings.moveBudget()) {
                    incumbentValue = total;
                    incumbent = assigned.clone();
                    polishIncumbent();
                }
                undoForced(forcedFrom);
                return;
            }
            if (!evaluate()) {
                undoForced(forcedFrom);
                return;
            }
            double residual = messages.run(
                    units,
                    assigned,
                    nodeValue,
                    theta,
                    depth == 0 && forcedCount == forcedFrom ? rootSweeps : NODE_SWEEPS,
                    remaining);
            base = total + residual + summarise() - prices.credit(remaining);
            bound = base + eviction.compute(units, assigned, arg, regret, remaining);
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
            bound = Math.max(parentBound, bound);
            if (depth > 0
                    && !subSearch
                    && nodes >= settings.retuneAfter()
                    && bound < cutoff()
                    && !Double.isInfinite(incumbentValue)
                    && incumbentValue - bound < 0.5 * (incumbentValue - rootBound)) {
                double retuned = retunedBound(total, residual, priced, bound);
                if (retuned > bound) {
                    base = localBase;
                    bound = retuned;
                }
            }
            if (depth == 0 && Double.isNaN(rootBound)) {
                rootBound = bound;
            }
            if (bound >= cutoff()) {
                undoForced(forcedFrom);
                return;
            }
            if (aborted) {
                openBound = Math.min(openBound, bound);
                undoForced(forcedFrom);
                return;
            }
            int fixedNow = forceDecided(base);
            if (fixedNow < 0) {
                undoForced(forcedFrom);
                return;
            }
            if (fixedNow == 0) {
                break;
            }
            total = fixed;
            for (int i = forcedFrom; i < forcedCount; i++) {
                total += forcedValue[i];
            }
        }
        int u = chooseBranchUnit();
        double bestU = best[u];
        int[] order = orderedClusters(u);
        double[] childBase = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            childBase[i] = theta[u][order[i]];
        }
        for (int i = 0; i < order.length; i++) {
            int k = order[i];
            if (childBase[i] == Double.POSITIVE_INFINITY) {
                break;
            }
            double childBound = Math.max(bound, base - bestU + childBase[i]);
            if (childBound >= cutoff()) {
                break;
            }
            if (aborted) {
                openBound = Math.min(openBound, childBound);
                continue;
            }
            if (!d.fits(u, k, remaining)) {
                continue;
            }
            double v = value(u, k);
            assign(u, k);
            dfs(total + v, depth + 1, childBound);
            unassign(u, k);
        }
        undoForced(forcedFrom);
    }

    /**
     * A bound at this node with capacity prices re-tuned for it: {@link #LOCAL_ROUNDS} Polyak subgradient steps from
     * the root prices on the node's free capacities, with the node's messages (the edge residuals do not depend on
     * the unit terms, so any non-negative prices give a valid bound, see {@link CapacityPrices}). The local prices are
     * discarded afterwards; {@code theta} (with the root prices if {@code priced}) and the summaries are restored.
     */
    private double retunedBound(double total, double residual, boolean priced, double current) {
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
        prices.retune(
                units, assigned, plain, remaining, total + residual, incumbentValue, LOCAL_ROUNDS, bestLocalPrice);
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
                    row[k] = value(u, k) + charge[u][k];
                    any = true;
                } else {
                    row[k] = Double.POSITIVE_INFINITY;
                }
            }
            if (!any) {
                return false;
            }
        }
        return !settings.limitsMoves() || withinMoveBudget();
    }

    /**
     * Keeps the unplaced units' domains within the move budget: with {@code slack} = budget − moves so far − each
     * unplaced unit's fewest moves, a cluster that costs a unit more than {@code slack} moves above its fewest is
     * removed from its domain ({@code nodeValue} +∞), since no completion within the budget can use it.
     *
     * @return false if even the fewest moves exceed the budget
     */
    private boolean withinMoveBudget() {
        long slack = (long) settings.moveBudget() - movesUsed;
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

    /**
     * Reduced-cost fixing: a unit whose every other cluster would push {@code base} to the incumbent must take its
     * cheapest one in any better solution, so it is placed there now (undone when the node returns).
     *
     * @return how many units were placed, or −1 if a forced unit has no room (no better solution here)
     */
    private int forceDecided(double base) {
        int count = 0;
        double limit = cutoff();
        for (int u : units) {
            if (assigned[u] >= 0 || base + regret[u] < limit) {
                continue;
            }
            int k = arg[u];
            if (!d.fits(u, k, remaining)) {
                return -1;
            }
            forcedUnit[forcedCount] = u;
            forcedValue[forcedCount] = value(u, k);
            forcedCount++;
            assign(u, k);
            count++;
        }
        return count;
    }

    private void undoForced(int from) {
        while (forcedCount > from) {
            forcedCount--;
            int u = forcedUnit[forcedCount];
            unassign(u, assigned[u]);
        }
    }

    private int chooseBranchUnit() {
        int chosen = -1;
        double chosenRegret = -1;
        for (int u : units) {
            if (assigned[u] < 0 && regret[u] > chosenRegret) {
                chosen = u;
                chosenRegret = regret[u];
            }
        }
        return chosen;
    }

    private double value(int u, int k) {
        return d.cost(u, k) + attachedTotal[u] - attachedAt[u][k];
    }

    /** u's clusters with room, cheapest re-parametrised cost first, ties in cluster order (stable insertion). */
    private int[] orderedClusters(int u) {
        int[] order = new int[d.candidates()[u].length];
        int n = 0;
        for (int k : d.candidates()[u]) {
            if (d.fits(u, k, remaining)) {
                int i = n++;
                while (i > 0 && theta[u][order[i - 1]] > theta[u][k]) {
                    order[i] = order[i - 1];
                    i--;
                }
                order[i] = k;
            }
        }
        return Arrays.copyOf(order, n);
    }

    private void assign(int u, int k) {
        assigned[u] = k;
        unplaced--;
        movesUsed += d.moveCount()[u][k];
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
        movesUsed -= d.moveCount()[u][k];
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
    @SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
    record SearchOutcome(
            int[] assignment, double value, boolean complete, double bound, long nodes, double rootBound) {}
}
