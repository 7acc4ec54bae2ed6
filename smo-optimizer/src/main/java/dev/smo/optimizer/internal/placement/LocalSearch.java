package dev.smo.optimizer.internal.placement;

/**
 * Improves a feasible assignment of one component by first-improvement local search: single-unit moves, moves of
 * both ends of an edge to one cluster, and swaps of two units on different clusters, in unit and cluster order,
 * until no move lowers the objective (at most {@link #MAX_PASSES} passes) or the deadline passes. Deterministic apart
 * from the deadline; never breaks feasibility, nor the move budget (at most that many services off their current
 * cluster, see {@link SearchSettings#moveBudget()}).
 */
final class LocalSearch {

    private static final int MAX_PASSES = 20;
    private static final double EPSILON = 1e-9;

    private final PlacementData d;
    private final int[] units;
    private final int[] a;
    private final long[][] remaining;
    private final long deadline;
    private final int budget;
    private int moves;

    private LocalSearch(PlacementData d, int[] units, int[] assignment, long deadline, int budget) {
        this.d = d;
        this.budget = budget;
        this.deadline = deadline;
        this.units = units;
        this.a = assignment;
        this.remaining = new long[d.clusters()][];
        for (int k = 0; k < d.clusters(); k++) {
            remaining[k] = d.capacity()[k].clone();
        }
        for (int u : units) {
            take(u, a[u], 1);
            moves += d.moveCount()[u][a[u]];
        }
    }

    /**
     * @param assignment cluster per global unit (−1 outside the component), feasible; not modified
     * @param deadline {@link System#nanoTime()} after which the search stops early
     * @param budget at most this many services off their current cluster (the assignment respects it)
     * @return an assignment at least as good
     */
    static int[] improve(PlacementData d, int[] units, int[] assignment, long deadline, int budget) {
        LocalSearch search = new LocalSearch(d, units, assignment.clone(), deadline, budget);
        search.run();
        return search.a;
    }

    /** The objective of the component's units under an assignment (cluster per global unit). */
    static double value(PlacementData d, int[] units, int[] a) {
        double value = 0;
        for (int u : units) {
            value += d.cost(u, a[u]);
            int[] nb = d.neighbours()[u];
            for (int i = 0; i < nb.length; i++) {
                if (nb[i] > u && a[nb[i]] != a[u]) {
                    value += d.edgeCost()[u][i];
                }
            }
        }
        return value;
    }

    private void run() {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (int u : units) {
                changed |= bestMove(u);
            }
            for (int u : units) {
                changed |= pairMoves(u);
            }
            for (int i = 0; i < units.length; i++) {
                if (System.nanoTime() > deadline) {
                    return;
                }
                for (int j = i + 1; j < units.length; j++) {
                    changed |= swap(units[i], units[j]);
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    private boolean bestMove(int u) {
        int from = a[u];
        int bestCluster = from;
        double bestDelta = -EPSILON;
        for (int k : d.candidates()[u]) {
            if (k != from && fitsExtra(k, u, -1) && withinBudget(moveDelta(u, k))) {
                double delta = delta(u, k);
                if (delta < bestDelta) {
                    bestDelta = delta;
                    bestCluster = k;
                }
            }
        }
        if (bestCluster == from) {
            return false;
        }
        move(u, bestCluster);
        return true;
    }

    /** Moves u and a neighbour v together to one cluster (one of theirs or any other). */
    private boolean pairMoves(int u) {
        boolean changed = false;
        for (int v : d.neighbours()[u]) {
            if (v < u || a[v] < 0) {
                continue;
            }
            int fromU = a[u];
            int fromV = a[v];
            for (int k : d.candidates()[u]) {
                if ((k == fromU && k == fromV) || !isCandidate(v, k)) {
                    continue;
                }
                int mu = fromU == k ? -1 : u;
                int mv = fromV == k ? -1 : v;
                if (!fitsExtra(k, mu, mv) || !withinBudget(moveDelta(u, k) + moveDelta(v, k))) {
                    continue;
                }
                double delta = delta(u, k);
                a[u] = k;
                delta += delta(v, k);
                a[u] = fromU;
                if (delta < -EPSILON) {
                    move(u, k);
                    move(v, k);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    private boolean swap(int u, int v) {
        int ku = a[u];
        int kv = a[v];
        if (ku == kv
                || !isCandidate(u, kv)
                || !isCandidate(v, ku)
                || !withinBudget(moveDelta(u, kv) + moveDelta(v, ku))) {
            return false;
        }
        long[] du = d.demand()[u];
        long[] dv = d.demand()[v];
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            if (remaining[kv][r] + dv[r] < du[r] || remaining[ku][r] + du[r] < dv[r]) {
                return false;
            }
        }
        double delta = delta(u, kv);
        a[u] = kv;
        delta += delta(v, ku);
        a[u] = ku;
        if (delta >= -EPSILON) {
            return false;
        }
        move(u, kv);
        move(v, ku);
        return true;
    }

    /** Change of the objective if u alone moves to k. */
    private double delta(int u, int k) {
        int from = a[u];
        double delta = d.cost(u, k) - d.cost(u, from);
        int[] nb = d.neighbours()[u];
        long[] w = d.edgeCost()[u];
        for (int i = 0; i < nb.length; i++) {
            int at = a[nb[i]];
            if (at < 0) {
                continue;
            }
            delta += (at != k ? w[i] : 0) - (at != from ? w[i] : 0);
        }
        return delta;
    }

    /** Whether k has room for units x and y (−1 for none) on top of what it holds. */
    private boolean fitsExtra(int k, int x, int y) {
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            long need = (x >= 0 ? d.demand()[x][r] : 0) + (y >= 0 ? d.demand()[y][r] : 0);
            if (need > remaining[k][r]) {
                return false;
            }
        }
        return true;
    }

    private boolean isCandidate(int u, int k) {
        for (int c : d.candidates()[u]) {
            if (c == k) {
                return true;
            }
        }
        return false;
    }

    private int moveDelta(int u, int k) {
        return d.moveCount()[u][k] - d.moveCount()[u][a[u]];
    }

    private boolean withinBudget(int delta) {
        return delta <= 0 || (long) moves + delta <= budget;
    }

    private void move(int u, int k) {
        moves += moveDelta(u, k);
        take(u, a[u], -1);
        a[u] = k;
        take(u, k, 1);
    }

    private void take(int u, int k, int sign) {
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            remaining[k][r] -= sign * d.demand()[u][r];
        }
    }
}
