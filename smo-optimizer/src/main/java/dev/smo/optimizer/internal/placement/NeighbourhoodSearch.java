package dev.smo.optimizer.internal.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Large-neighbourhood search on a feasible assignment of one component: a neighbourhood frees a few units, keeps
 * every other unit where it is, and re-places the freed units by a small {@link UnitSearch} (node-limited) that only
 * accepts an assignment strictly better than the current one. The sub-search runs on a {@link SubProblem} of the
 * freed units only (the fixed units folded into its costs and capacities), so its state is sized to them.
 * Neighbourhoods, in order: the units on each pair of clusters, then, per unit, the unit and its nearest neighbours
 * along the edges (breadth first, at most {@link Width#ball} units). Rounds repeat while one improves (at most
 * {@link #ROUNDS}). Two widths: {@link Width#NARROW} early and on every new incumbent, {@link Width#WIDE} (larger
 * balls, more sub-search nodes) once a search has run long enough that its cost no longer shows; the wide one finds
 * the better placements that need several units moved together around a full cluster. Deterministic apart from the
 * deadline; never breaks feasibility (the sub-search respects the capacities left by the fixed units).
 */
final class NeighbourhoodSearch {

    static final int ROUNDS = 3;

    /** How far a neighbourhood reaches: units per edge ball and nodes per sub-search. */
    enum Width {
        NARROW(8, 30),
        WIDE(16, 300);

        final int ball;
        final long subNodes;

        Width(int ball, long subNodes) {
            this.ball = ball;
            this.subNodes = subNodes;
        }
    }

    private NeighbourhoodSearch() {}

    static int[] improve(
            PlacementData d,
            int[] units,
            int[] incumbent,
            Width width,
            long deadline,
            double absoluteGap,
            SearchSettings settings) {
        int[] a = incumbent.clone();
        for (int round = 0; round < ROUNDS; round++) {
            boolean improved = false;
            for (int[] free : neighbourhoods(d, units, a, width.ball)) {
                if (System.nanoTime() > deadline) {
                    return a;
                }
                improved |= reoptimise(d, a, free, width.subNodes, deadline, absoluteGap, settings);
            }
            if (!improved) {
                break;
            }
        }
        return a;
    }

    private static boolean reoptimise(
            PlacementData d,
            int[] a,
            int[] free,
            long subNodes,
            long deadline,
            double absoluteGap,
            SearchSettings settings) {
        SubProblem sub = SubProblem.of(d, a, free);
        SearchSettings subSettings =
                settings.limitsMoves() ? settings.withMoveBudget(settings.moveBudget() - sub.fixedMoves()) : settings;
        int[] local = new int[free.length];
        for (int i = 0; i < local.length; i++) {
            local[i] = i;
        }
        UnitSearch search = new UnitSearch(sub.data(), local, deadline, subNodes, absoluteGap, subSettings);
        search.asSubSearch(sub.current());
        UnitSearch.SearchOutcome outcome = search.run();
        if (outcome.assignment() == null || !(outcome.value() < sub.current() - absoluteGap)) {
            return false;
        }
        for (int i = 0; i < free.length; i++) {
            a[free[i]] = outcome.assignment()[i];
        }
        return true;
    }

    private static List<int[]> neighbourhoods(PlacementData d, int[] units, int[] a, int ball) {
        List<int[]> result = new ArrayList<>();
        int clusters = d.clusters();
        List<List<Integer>> on = new ArrayList<>();
        for (int k = 0; k < clusters; k++) {
            on.add(new ArrayList<>());
        }
        for (int u : units) {
            on.get(a[u]).add(u);
        }
        for (int k = 0; k < clusters; k++) {
            for (int l = k + 1; l < clusters; l++) {
                if (!on.get(k).isEmpty() && !on.get(l).isEmpty()) {
                    int[] free = new int[on.get(k).size() + on.get(l).size()];
                    int n = 0;
                    for (int u : on.get(k)) {
                        free[n++] = u;
                    }
                    for (int u : on.get(l)) {
                        free[n++] = u;
                    }
                    Arrays.sort(free);
                    result.add(free);
                }
            }
        }
        int[] mark = new int[d.units()];
        Arrays.fill(mark, -1);
        for (int u : units) {
            if (d.neighbours()[u].length == 0) {
                continue;
            }
            int[] queue = new int[ball];
            int n = 0;
            queue[n++] = u;
            mark[u] = u;
            for (int head = 0; head < n && n < ball; head++) {
                for (int v : d.neighbours()[queue[head]]) {
                    if (mark[v] != u && n < ball) {
                        mark[v] = u;
                        queue[n++] = v;
                    }
                }
            }
            int[] free = Arrays.copyOf(queue, n);
            Arrays.sort(free);
            result.add(free);
        }
        return result;
    }
}
