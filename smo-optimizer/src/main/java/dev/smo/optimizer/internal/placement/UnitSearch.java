package dev.smo.optimizer.internal.placement;

import java.util.Arrays;

/**
 * Depth-first branch and bound over the units of one independent component: the node state is a
 * {@link SearchState}, the bounds come from {@link NodeBound} (which returns an immutable value per node). A node is
 * pruned when its bound reaches the incumbent (rounded up when every value is an integer). After
 * {@link SearchSettings#retuneAfter()} nodes, a node whose bound is in the upper half of the root gap also tries
 * prices re-tuned for its own free capacities. Reduced-cost fixing: a unit whose every other cluster would reach the
 * incumbent is placed on its cheapest one at once. Branching: the unit with the largest regret (second cheapest minus
 * cheapest); its clusters are tried cheapest first, then in cluster order. Every new incumbent is polished by
 * {@link LocalSearch}; after {@link #NEIGHBOURHOOD_AFTER} nodes (easy instances never get there) the incumbent, and
 * every later one, is first improved by {@link NeighbourhoodSearch}, which runs small sub-searches of this class
 * ({@link #asSubSearch}), with its wide neighbourhoods after {@link #WIDE_NEIGHBOURHOOD_AFTER} nodes. Everything is deterministic (no dependence on timing except the time limit itself).
 */
final class UnitSearch {

    private static final int ROOT_SWEEPS = 50;
    private static final int PRICE_ROUNDS = 100;
    private static final int NODE_SWEEPS = 1;
    /** Nodes after which {@link NeighbourhoodSearch} runs on the incumbent, and on every later new incumbent. */
    static final long NEIGHBOURHOOD_AFTER = 1_000;
    /** Nodes after which the incumbent, and every later one, goes through the wide neighbourhoods. */
    static final long WIDE_NEIGHBOURHOOD_AFTER = 30_000;

    private final PlacementData d;
    private final int[] units;
    private final SearchState state;
    private final int[] assigned;
    private final NodeBound bounds;
    private final long deadline;
    private final long nodeLimit;
    private final double absoluteGap;
    private final SearchSettings settings;
    private boolean subSearch;
    private int priceRounds = PRICE_ROUNDS;
    private int rootSweeps = ROOT_SWEEPS;
    private final int[] forcedUnit;
    private final double[] forcedValue;
    private int forcedCount;
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
        this.state = new SearchState(d, units);
        this.assigned = state.assigned;
        this.bounds = new NodeBound(d, units, state, settings.moveBudget(), deadline);
        this.forcedUnit = new int[d.units()];
        this.forcedValue = new double[d.units()];
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
     * Makes this a sub-search of {@link NeighbourhoodSearch} (on a {@link SubProblem}): only assignments below
     * {@code cutoff} count, no prices are tuned, and incumbents are not polished (the sub-problem is not the
     * component).
     */
    void asSubSearch(double cutoff) {
        subSearch = true;
        priceRounds = 0;
        rootSweeps = 5;
        incumbentValue = cutoff;
    }

    /** Runs {@link LocalSearch} (and, after the first nodes, {@link NeighbourhoodSearch}) on the incumbent. */
    private void polishIncumbent() {
        if (!settings.polish()) {
            return;
        }
        if (!subSearch && nodes >= NEIGHBOURHOOD_AFTER) {
            NeighbourhoodSearch.Width width = nodes >= WIDE_NEIGHBOURHOOD_AFTER
                    ? NeighbourhoodSearch.Width.WIDE
                    : NeighbourhoodSearch.Width.NARROW;
            keepIfBetter(NeighbourhoodSearch.improve(d, units, incumbent, width, deadline, absoluteGap, settings));
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
        bounds.tunePrices(priceRounds, incumbentValue, deadline);
        dfs(0.0, 0, Double.NEGATIVE_INFINITY);
        boolean complete = !aborted;
        double bound = complete ? incumbentValue : Math.min(openBound, incumbentValue);
        return new SearchOutcome(
                incumbent, incumbentValue, complete, bound, nodes, Double.isNaN(rootBound) ? bound : rootBound);
    }

    private void dfs(double fixed, int depth, double parentBound) {
        nodes++;
        if ((nodes == NEIGHBOURHOOD_AFTER || nodes == WIDE_NEIGHBOURHOOD_AFTER) && incumbent != null) {
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
            if (state.unplaced() == 0) {
                if (total < cutoff() && state.movesUsed() <= settings.moveBudget()) {
                    incumbentValue = total;
                    incumbent = assigned.clone();
                    polishIncumbent();
                }
                undoForced(forcedFrom);
                return;
            }
            boolean mayRetune =
                    depth > 0 && !subSearch && nodes >= settings.retuneAfter() && !Double.isInfinite(incumbentValue);
            NodeBound.Result result = bounds.compute(
                    total,
                    depth == 0 && forcedCount == forcedFrom ? rootSweeps : NODE_SWEEPS,
                    parentBound,
                    incumbentValue,
                    b -> mayRetune && b < cutoff() && incumbentValue - b < 0.5 * (incumbentValue - rootBound),
                    rootExtras(depth) ? cutoff() : Double.NaN);
            if (result == null) {
                undoForced(forcedFrom);
                return;
            }
            base = result.base();
            bound = result.bound();
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
        double bestU = bounds.best(u);
        int[] order = orderedClusters(u);
        double[] childBase = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            childBase[i] = bounds.theta(u, order[i]);
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
            if (!state.fits(u, k)) {
                continue;
            }
            double v = state.value(u, k);
            state.assign(u, k);
            dfs(total + v, depth + 1, childBound);
            state.unassign(u, k);
        }
        undoForced(forcedFrom);
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
            if (assigned[u] >= 0 || base + bounds.regret(u) < limit) {
                continue;
            }
            int k = bounds.arg(u);
            if (!state.fits(u, k)) {
                return -1;
            }
            forcedUnit[forcedCount] = u;
            forcedValue[forcedCount] = state.value(u, k);
            forcedCount++;
            state.assign(u, k);
            count++;
        }
        return count;
    }

    private void undoForced(int from) {
        while (forcedCount > from) {
            forcedCount--;
            int u = forcedUnit[forcedCount];
            state.unassign(u, assigned[u]);
        }
    }

    private int chooseBranchUnit() {
        int chosen = -1;
        double chosenRegret = -1;
        for (int u : units) {
            if (assigned[u] < 0 && bounds.regret(u) > chosenRegret) {
                chosen = u;
                chosenRegret = bounds.regret(u);
            }
        }
        return chosen;
    }

    /**
     * Whether this node is the root of a main search that takes the knapsack bound and the joint ascent: not in a
     * sub-search of the neighbourhood search, and only where the settings ask for them ({@link
     * SearchSettings#rootBounds()}).
     */
    private boolean rootExtras(int depth) {
        return depth == 0 && !subSearch && settings.rootBounds();
    }

    /** u's clusters with room, cheapest re-parametrised cost first, ties in cluster order (stable insertion). */
    private int[] orderedClusters(int u) {
        int[] order = new int[d.candidates()[u].length];
        int n = 0;
        for (int k : d.candidates()[u]) {
            if (state.fits(u, k)) {
                int i = n++;
                while (i > 0 && bounds.theta(u, order[i - 1]) > bounds.theta(u, k)) {
                    order[i] = order[i - 1];
                    i--;
                }
                order[i] = k;
            }
        }
        return Arrays.copyOf(order, n);
    }

    /** The search's outcome; {@code assignment} is per global unit (−1 outside the component), null if none. */
    @SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
    record SearchOutcome(
            int[] assignment, double value, boolean complete, double bound, long nodes, double rootBound) {}
}
