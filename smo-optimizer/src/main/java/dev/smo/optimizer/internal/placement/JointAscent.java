package dev.smo.optimizer.internal.placement;

/**
 * A root bound that tunes the {@link MessageBound}'s messages and the {@link KnapsackBound}'s multipliers together:
 * {@code Σ_e min residual_e + L(λ)} with the unit costs {@code value + messages} is valid for any messages and any λ
 * (the edge minima are exact over the domains, the knapsacks are upper bounds), so a supergradient ascent on both
 * moves the messages towards what the capacities need rather than towards each unit's cheapest cluster, as MPLP
 * does. The supergradient in an end's message at cluster k is (its knapsack took the unit at k) − (the edge residual's
 * minimising pair puts it at k); in λ_u it is 1 − (knapsacks that took u). Polyak steps towards the incumbent, halved
 * after 20 steps without progress, until the bound is within 10⁻⁵ (relative) of the one that prunes (the search
 * closes the rest), the step is 10⁻⁶ of the first, or the iterations or the deadline run out.
 */
final class JointAscent {

    /** Steps without a better bound after which the step is halved. */
    private static final int STALL = 20;

    private static final double MIN_SCALE = 1e-6;

    /** Relative distance to the pruning bound at which the ascent leaves the rest to the search. */
    private static final double CLOSE = 1e-5;

    private JointAscent() {}

    /**
     * Joint supergradient ascent on the messages and on the {@link KnapsackBound}'s multipliers, for the bound
     * {@code Σ_e min residual_e + L(λ)} with the unit costs {@code value + messages}: the messages are moved towards
     * what the capacities need rather than what each unit's cheapest cluster needs (MPLP). Every iterate is a valid
     * bound; the messages are restored afterwards, and {@code theta} is left overwritten.
     *
     * @param value per unplaced unit and cluster its cost without capacity prices (+∞ outside its domain)
     * @param target the aim of the Polyak steps (the incumbent's share)
     * @param enough a bound at which to stop (the one that prunes)
     * @param deadline {@link System#nanoTime()} after which no more steps are taken
     * @return the best bound on the edge and unit terms of the unplaced units found
     */
    static double run(
            MessageBound messages,
            int[] units,
            int[] assigned,
            double[][] value,
            double[][] theta,
            long[][] free,
            KnapsackBound knapsack,
            double target,
            double enough,
            int iterations,
            long deadline) {
        messages.restrictTo(free);
        int m = messages.edges();
        int clusters = messages.clusters();
        double[][] savedA = new double[m][];
        double[][] savedB = new double[m][];
        for (int e = 0; e < m; e++) {
            savedA[e] = messages.first(e).clone();
            savedB[e] = messages.second(e).clone();
        }

        int[] kStar = new int[m];
        int[] lStar = new int[m];
        double[][] ga = new double[m][clusters];
        double[][] gb = new double[m][clusters];
        double best = Double.NEGATIVE_INFINITY;
        double scale = 1.0;
        int stall = 0;
        for (int it = 0; it < iterations; it++) {
            messages.fill(units, assigned, value, theta);
            if (it == 0) {
                startKnapsack(units, assigned, theta, knapsack);
            }
            double residual = 0;
            for (int e = 0; e < m; e++) {
                if (messages.isOpen(e, assigned)) {
                    residual += messages.residual(e, theta[messages.from(e)], theta[messages.to(e)]);
                    kStar[e] = messages.argFirst();
                    lStar[e] = messages.argSecond();
                }
            }
            double bound = residual + knapsack.value(units, assigned, theta, free);
            if (bound > best + 1e-9) {
                best = bound;
                stall = 0;
            } else if (++stall >= STALL) {
                scale *= 0.5;
                stall = 0;
            }
            if (bound >= enough - CLOSE * Math.max(1, Math.abs(enough))
                    || scale < MIN_SCALE
                    || System.nanoTime() > deadline) {
                break;
            }
            double norm = knapsack.lambdaSlope(units, assigned);
            for (int e = 0; e < m; e++) {
                if (messages.isOpen(e, assigned)) {
                    norm += slope(messages.from(e), kStar[e], theta, knapsack, ga[e]);
                    norm += slope(messages.to(e), lStar[e], theta, knapsack, gb[e]);
                }
            }
            if (norm == 0) {
                break;
            }
            double t = scale * (target - bound) / norm;
            for (int e = 0; e < m; e++) {
                if (messages.isOpen(e, assigned)) {
                    double[] ae = messages.first(e);
                    double[] be = messages.second(e);
                    for (int k = 0; k < clusters; k++) {
                        ae[k] += t * ga[e][k];
                        be[k] += t * gb[e][k];
                    }
                }
            }
            knapsack.moveLambda(units, assigned, t);
        }
        for (int e = 0; e < m; e++) {
            System.arraycopy(savedA[e], 0, messages.first(e), 0, clusters);
            System.arraycopy(savedB[e], 0, messages.second(e), 0, clusters);
        }
        return best;
    }

    /** The supergradient of the bound in one end's messages: (knapsack took it at k) − (the residual's argmin is k). */
    private static double slope(int u, int star, double[][] theta, KnapsackBound knapsack, double[] g) {
        double norm = 0;
        for (int k = 0; k < g.length; k++) {
            double v = 0;
            if (theta[u][k] != Double.POSITIVE_INFINITY) {
                v = (knapsack.member(u, k) ? 1 : 0) - (k == star ? 1 : 0);
            }
            g[k] = v;
            norm += v * v;
        }
        return norm;
    }

    private static void startKnapsack(int[] units, int[] assigned, double[][] theta, KnapsackBound knapsack) {
        int n = assigned.length;
        double[] best = new double[n];
        double[] regret = new double[n];
        for (int u : units) {
            if (assigned[u] >= 0) {
                continue;
            }
            double b = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            for (double v : theta[u]) {
                if (v < b) {
                    second = b;
                    b = v;
                } else if (v < second) {
                    second = v;
                }
            }
            best[u] = b;
            regret[u] = second - b;
        }
        knapsack.start(units, assigned, best, regret);
    }
}
