package dev.smo.optimizer.internal.placement;

import java.util.Arrays;

/**
 * The partial assignment at a search node: cluster per unit (−1 while unplaced), free capacity per cluster, per
 * unplaced unit the edge weight to placed neighbours (in total and per cluster, for its cost given the placed
 * units), and the moves so far. {@link #assign}/{@link #unassign} update it incrementally.
 */
final class SearchState {

    private final PlacementData d;
    final int[] assigned;
    final long[][] remaining;
    private final long[] attachedTotal;
    private final long[][] attachedAt;
    private int unplaced;
    private int movesUsed;

    SearchState(PlacementData d, int[] units) {
        this.d = d;
        int n = d.units();
        this.assigned = new int[n];
        Arrays.fill(assigned, -1);
        this.remaining = new long[d.clusters()][];
        for (int k = 0; k < d.clusters(); k++) {
            remaining[k] = d.capacity()[k].clone();
        }
        this.attachedTotal = new long[n];
        this.attachedAt = new long[n][d.clusters()];
        this.unplaced = units.length;
    }

    int unplaced() {
        return unplaced;
    }

    int movesUsed() {
        return movesUsed;
    }

    boolean fits(int u, int k) {
        return d.fits(u, k, remaining);
    }

    /** The cost of u on k given the placed units: its own cost plus the edges to placed neighbours elsewhere. */
    double value(int u, int k) {
        return d.cost(u, k) + attachedTotal[u] - attachedAt[u][k];
    }

    void assign(int u, int k) {
        assigned[u] = k;
        unplaced--;
        movesUsed += d.moveCount()[u][k];
        take(u, k, 1);
    }

    void unassign(int u, int k) {
        assigned[u] = -1;
        unplaced++;
        movesUsed -= d.moveCount()[u][k];
        take(u, k, -1);
    }

    private void take(int u, int k, int sign) {
        long[] dem = d.demand()[u];
        for (int r = 0; r < PlacementData.RESOURCES; r++) {
            remaining[k][r] -= sign * dem[r];
        }
        int[] nb = d.neighbours()[u];
        long[] w = d.edgeCost()[u];
        for (int i = 0; i < nb.length; i++) {
            attachedTotal[nb[i]] += sign * w[i];
            attachedAt[nb[i]][k] += sign * w[i];
        }
    }
}
