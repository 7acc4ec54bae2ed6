package dev.smo.optimizer.internal.placement;

/**
 * Lagrangian prices {@code λ[k][r] ≥ 0} on the capacity rows. Placing unit u on cluster k is charged
 * {@code Σ_r λ[k][r]·demand[u][r]} and the bound is credited {@code Σ λ[k][r]·remaining[k][r]} back: for every
 * assignment that respects the capacities the charge never exceeds the credit, so any non-negative prices keep the
 * bound valid. The prices are tuned once at the root by projected subgradient steps (Polyak step towards the
 * incumbent) and then kept fixed, so the search stays deterministic.
 */
final class CapacityPrices {

    private final PlacementData d;
    private final double[][] price;
    private final double[][] bestPrice;
    private double bestBound = Double.NEGATIVE_INFINITY;
    private double step = 1.0;
    private int sinceImproved;

    CapacityPrices(PlacementData d) {
        this.d = d;
        this.price = new double[d.clusters()][PlacementData.RESOURCES];
        this.bestPrice = new double[d.clusters()][PlacementData.RESOURCES];
    }

    /** The price charged for placing u on k. */
    double charge(int u, int k) {
        double[] p = price[k];
        long[] dem = d.demand()[u];
        return p[0] * dem[0] + p[1] * dem[1] + p[2] * dem[2];
    }

    /** Caches {@link #charge} per unit and candidate cluster in {@code charge}; always true. */
    boolean fill(int[] units, double[][] charge) {
        for (int u : units) {
            for (int k : d.candidates()[u]) {
                charge[u][k] = charge(u, k);
            }
        }
        return true;
    }

    /**
     * Adds ({@code sign} 1) or removes (−1) the cached charges from the unplaced units' rows of {@code theta}. The
     * edge residuals do not depend on the unit terms, so the same messages give a valid bound with or without the
     * prices; the search uses the stronger.
     */
    static void shift(int[] units, int[] assigned, double[][] charge, double[][] theta, int sign) {
        for (int u : units) {
            if (assigned[u] < 0) {
                double[] row = theta[u];
                double[] c = charge[u];
                for (int k = 0; k < row.length; k++) {
                    if (c[k] != 0) {
                        row[k] += sign * c[k];
                    }
                }
            }
        }
    }

    /** The credit {@code Σ λ·remaining}. */
    double credit(long[][] remaining) {
        double sum = 0;
        for (int k = 0; k < price.length; k++) {
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                sum += price[k][r] * remaining[k][r];
            }
        }
        return sum;
    }

    /**
     * One subgradient step from the bound reached with the current prices and the relaxed choice per unit.
     *
     * @return false when the step is too small to matter (stop tuning)
     */
    boolean step(double bound, double target, int[] units, int[] assigned, int[] choice, long[][] remaining) {
        if (bound > bestBound) {
            bestBound = bound;
            for (int k = 0; k < price.length; k++) {
                System.arraycopy(price[k], 0, bestPrice[k], 0, PlacementData.RESOURCES);
            }
            sinceImproved = 0;
        } else if (++sinceImproved >= 5) {
            step /= 2;
            sinceImproved = 0;
        }
        int clusters = price.length;
        double[][] g = new double[clusters][PlacementData.RESOURCES];
        for (int k = 0; k < clusters; k++) {
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                g[k][r] = -remaining[k][r];
            }
        }
        for (int u : units) {
            if (assigned[u] < 0) {
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    g[choice[u]][r] += d.demand()[u][r];
                }
            }
        }
        double norm = 0;
        for (int k = 0; k < clusters; k++) {
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                long cap = Math.max(1, d.capacity()[k][r]);
                g[k][r] /= cap;
                if (price[k][r] > 0 || g[k][r] > 0) {
                    norm += g[k][r] * g[k][r];
                }
            }
        }
        if (norm == 0 || step < 1e-3 || !(target > bound) || Double.isInfinite(target)) {
            return false;
        }
        double t = step * (target - bound) / norm;
        for (int k = 0; k < clusters; k++) {
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                long cap = Math.max(1, d.capacity()[k][r]);
                price[k][r] = Math.max(0, price[k][r] + t * g[k][r] / cap);
            }
        }
        return true;
    }

    /** @return whether some price is positive */
    boolean any() {
        for (double[] p : price) {
            if (p[0] > 0 || p[1] > 0 || p[2] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Copies the current prices into {@code into} (clusters × resources). */
    void copyTo(double[][] into) {
        for (int k = 0; k < price.length; k++) {
            System.arraycopy(price[k], 0, into[k], 0, PlacementData.RESOURCES);
        }
    }

    /** Restores the best prices seen while tuning. */
    void keepBest() {
        for (int k = 0; k < price.length; k++) {
            System.arraycopy(bestPrice[k], 0, price[k], 0, PlacementData.RESOURCES);
        }
    }
}
