package dev.smo.optimizer.internal.placement;

/**
 * Lagrangian prices {@code λ[k][r] ≥ 0} on the capacity rows. Placing unit u on cluster k is charged
 * {@code Σ_r λ[k][r]·demand[u][r]} and the bound is credited {@code Σ λ[k][r]·remaining[k][r]} back: for every
 * assignment that respects the capacities the charge never exceeds the credit, so any non-negative prices keep the
 * bound valid. The prices are tuned once at the root by projected subgradient steps (Polyak step towards the
 * incumbent) and then kept fixed, so the search stays deterministic; {@link #retune} re-tunes a copy for one node.
 * Both use the same subgradient step ({@code polyakStep}).
 */
final class CapacityPrices {

    private final PlacementData d;
    private final double[][] price;
    private final double[][] bestPrice;
    private final double[][] scratchPrice;
    private final double[][] scratchGradient;
    private final int[] scratchChoice;
    private double bestBound = Double.NEGATIVE_INFINITY;
    private double step = 1.0;
    private int sinceImproved;

    CapacityPrices(PlacementData d) {
        this.d = d;
        this.price = new double[d.clusters()][PlacementData.RESOURCES];
        this.bestPrice = new double[d.clusters()][PlacementData.RESOURCES];
        this.scratchPrice = new double[d.clusters()][PlacementData.RESOURCES];
        this.scratchGradient = new double[d.clusters()][PlacementData.RESOURCES];
        this.scratchChoice = new int[d.units()];
    }

    /** The price charged for placing u on k. */
    double charge(int u, int k) {
        double[] p = price[k];
        long[] dem = d.demand()[u];
        return p[0] * dem[0] + p[1] * dem[1] + p[2] * dem[2];
    }

    /** Caches {@link #charge} per unit and candidate cluster in {@code charge}. */
    void fill(int[] units, double[][] charge) {
        for (int u : units) {
            for (int k : d.candidates()[u]) {
                charge[u][k] = charge(u, k);
            }
        }
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
        return credit(price, remaining);
    }

    /**
     * One subgradient step from the bound reached with the current prices and the relaxed choice per unit.
     *
     * @return false when the step is too small to matter (stop tuning)
     */
    boolean step(double bound, double target, int[] units, int[] assigned, int[] choice, long[][] remaining) {
        if (bound > bestBound) {
            bestBound = bound;
            copy(price, bestPrice);
            sinceImproved = 0;
        } else if (++sinceImproved >= 5) {
            step /= 2;
            sinceImproved = 0;
        }
        if (step < 1e-3 || Double.isInfinite(target)) {
            return false;
        }
        return polyakStep(price, step, bound, target, units, assigned, choice, remaining);
    }

    /**
     * Prices re-tuned for one node: {@code rounds} Polyak steps from the current (root) prices on the unit costs
     * {@code plain} (without prices) and the node's free capacities; the current prices are not changed.
     *
     * @param offset what the node's bound adds to {@code Σ_u min_k (plain + charge) − credit}
     * @param target the incumbent value the steps aim at
     * @param best out: the prices of the best bound reached (clusters × resources)
     */
    void retune(
            int[] units,
            int[] assigned,
            double[][] plain,
            long[][] remaining,
            double offset,
            double target,
            int rounds,
            double[][] best) {
        double[][] local = scratchPrice;
        copy(price, local);
        copy(price, best);
        double bestLocal = Double.NEGATIVE_INFINITY;
        for (int round = 0; round < rounds; round++) {
            double sum = 0;
            for (int u : units) {
                if (assigned[u] >= 0) {
                    continue;
                }
                long[] dem = d.demand()[u];
                double m = Double.POSITIVE_INFINITY;
                int a = -1;
                for (int k : d.candidates()[u]) {
                    double[] p = local[k];
                    double v = plain[u][k] + p[0] * dem[0] + p[1] * dem[1] + p[2] * dem[2];
                    if (v < m) {
                        m = v;
                        a = k;
                    }
                }
                sum += m;
                scratchChoice[u] = a;
            }
            double b = offset + sum - credit(local, remaining);
            if (b > bestLocal) {
                bestLocal = b;
                copy(local, best);
            }
            if (round == rounds - 1 || !polyakStep(local, 1.0, b, target, units, assigned, scratchChoice, remaining)) {
                break;
            }
        }
    }

    /**
     * The one subgradient routine: the gradient of the Lagrangian bound in {@code prices} is, per cluster and
     * resource, the demand of the units whose relaxed choice is there minus the free capacity (normalised by the
     * capacity); a projected step of length {@code factor·(target − bound)/‖g‖²} (Polyak) keeps the prices ≥ 0.
     *
     * @return false if there is no step to take (bound at the target, or a zero gradient)
     */
    private boolean polyakStep(
            double[][] prices,
            double factor,
            double bound,
            double target,
            int[] units,
            int[] assigned,
            int[] choice,
            long[][] remaining) {
        int clusters = prices.length;
        double[][] g = scratchGradient;
        for (int k = 0; k < clusters; k++) {
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                g[k][r] = -remaining[k][r];
            }
        }
        for (int u : units) {
            if (assigned[u] < 0) {
                long[] dem = d.demand()[u];
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    g[choice[u]][r] += dem[r];
                }
            }
        }
        double norm = 0;
        for (int k = 0; k < clusters; k++) {
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                g[k][r] /= Math.max(1, d.capacity()[k][r]);
                if (prices[k][r] > 0 || g[k][r] > 0) {
                    norm += g[k][r] * g[k][r];
                }
            }
        }
        if (norm == 0 || !(target > bound)) {
            return false;
        }
        double t = factor * (target - bound) / norm;
        for (int k = 0; k < clusters; k++) {
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                prices[k][r] = Math.max(0, prices[k][r] + t * g[k][r] / Math.max(1, d.capacity()[k][r]));
            }
        }
        return true;
    }

    /** The credit {@code Σ price·remaining} of any prices. */
    static double credit(double[][] prices, long[][] remaining) {
        double sum = 0;
        for (int k = 0; k < prices.length; k++) {
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                sum += prices[k][r] * remaining[k][r];
            }
        }
        return sum;
    }

    private static void copy(double[][] from, double[][] to) {
        for (int k = 0; k < from.length; k++) {
            System.arraycopy(from[k], 0, to[k], 0, PlacementData.RESOURCES);
        }
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

    /** Restores the best prices seen while tuning. */
    void keepBest() {
        for (int k = 0; k < price.length; k++) {
            System.arraycopy(bestPrice[k], 0, price[k], 0, PlacementData.RESOURCES);
        }
    }
}
