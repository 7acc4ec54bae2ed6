package dev.smo.optimizer.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The knapsack bound never exceeds the cheapest assignment of the units under the clusters' capacities (brute force
 * over every assignment), never falls below the sum of the cheapest costs, and is stronger than that sum on the
 * instances where the capacities bind. Instances are generated until 300 have a feasible assignment that costs more
 * than the cheapest costs' sum (the capacities bind), and that number is asserted.
 */
class KnapsackBoundTest {

    private static final int INSTANCES = 300;

    @Test
    void liesBetweenTheCheapestCostsAndTheCheapestFeasibleAssignment() {
        int checked = 0;
        int stronger = 0;
        for (long seed = 0; checked < INSTANCES && seed < 20 * INSTANCES; seed++) {
            Random random = new Random(seed);
            int n = 2 + random.nextInt(6);
            int m = 2 + random.nextInt(2);
            long[][] demand = new long[n][PlacementData.RESOURCES];
            long[][] remaining = new long[m][PlacementData.RESOURCES];
            double[][] theta = new double[n][m];
            for (int u = 0; u < n; u++) {
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    demand[u][r] = r == 2 && random.nextInt(3) > 0 ? 0 : 1 + random.nextInt(10);
                }
            }
            for (int k = 0; k < m; k++) {
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    remaining[k][r] = random.nextInt(4 * n + 1);
                }
            }
            int[] units = new int[n];
            int[] assigned = new int[n];
            Arrays.fill(assigned, -1);
            double[] best = new double[n];
            double[] regret = new double[n];
            double cheapest = 0;
            boolean placeable = true;
            for (int u = 0; u < n; u++) {
                units[u] = u;
                double b = Double.POSITIVE_INFINITY;
                double second = Double.POSITIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    boolean fits = demand[u][0] <= remaining[k][0]
                            && demand[u][1] <= remaining[k][1]
                            && demand[u][2] <= remaining[k][2];
                    theta[u][k] = !fits
                            ? Double.POSITIVE_INFINITY
                            : random.nextBoolean() ? 10 * random.nextInt(3) : 25 * random.nextDouble();
                    if (theta[u][k] < b) {
                        second = b;
                        b = theta[u][k];
                    } else if (theta[u][k] < second) {
                        second = theta[u][k];
                    }
                }
                placeable &= b != Double.POSITIVE_INFINITY;
                best[u] = b;
                regret[u] = second - b;
                cheapest += b;
            }
            if (!placeable) {
                continue;
            }
            double exact = cheapestAssignment(theta, demand, remaining, new int[n], 0);
            if (Double.isInfinite(exact) || exact <= cheapest + 1e-9) {
                continue;
            }
            PlacementData d = new PlacementData(
                    null,
                    new int[n][],
                    demand,
                    remaining,
                    new int[n][],
                    new long[n][m],
                    new int[n][m],
                    new double[n][m],
                    new int[n][0],
                    new long[n][0]);
            double bound = new KnapsackBound(d).bound(units, assigned, theta, best, regret, remaining, exact, 60);
            assertThat(bound).as("seed %d", seed).isLessThanOrEqualTo(exact + 1e-9);
            assertThat(bound).as("seed %d", seed).isGreaterThanOrEqualTo(cheapest - 1e-9);
            checked++;
            if (bound > cheapest + 1e-6) {
                stronger++;
            }
        }
        assertThat(checked).isEqualTo(INSTANCES);
        assertThat(stronger)
                .as("instances where the knapsacks charge more than the cheapest costs")
                .isGreaterThan(INSTANCES * 3 / 4);
    }

    private static double cheapestAssignment(double[][] theta, long[][] demand, long[][] free, int[] at, int u) {
        if (u == theta.length) {
            long[][] used = new long[free.length][PlacementData.RESOURCES];
            double cost = 0;
            for (int v = 0; v < theta.length; v++) {
                cost += theta[v][at[v]];
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    used[at[v]][r] += demand[v][r];
                    if (used[at[v]][r] > free[at[v]][r]) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
            }
            return cost;
        }
        double result = Double.POSITIVE_INFINITY;
        for (int k = 0; k < free.length; k++) {
            if (theta[u][k] != Double.POSITIVE_INFINITY) {
                at[u] = k;
                result = Math.min(result, cheapestAssignment(theta, demand, free, at, u + 1));
            }
        }
        return result;
    }
}
