package dev.smo.optimizer.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The eviction bound never exceeds the cheapest integer eviction (brute force over all subsets of the units that
 * want an over-subscribed cluster). Instances are generated until 300 of them have a finite cheapest eviction that
 * costs something (the cluster is over-subscribed and some eviction makes it fit), so every counted instance checks
 * the bound against a real number.
 */
class EvictionBoundTest {

    private static final int INSTANCES = 300;

    @Test
    void neverExceedsTheCheapestIntegerEviction() {
        int checked = 0;
        int positive = 0;
        for (long seed = 0; checked < INSTANCES && seed < 10 * INSTANCES; seed++) {
            Random random = new Random(seed);
            int n = 1 + random.nextInt(9);
            long[][] demand = new long[n][PlacementData.RESOURCES];
            double[] regret = new double[n];
            int[] units = new int[n];
            int[] assigned = new int[n];
            int[] arg = new int[n];
            Arrays.fill(assigned, -1);
            long[] total = new long[PlacementData.RESOURCES];
            for (int u = 0; u < n; u++) {
                units[u] = u;
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    demand[u][r] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(20);
                    total[r] += demand[u][r];
                }
                regret[u] = random.nextInt(8) == 0
                        ? Double.POSITIVE_INFINITY
                        : random.nextBoolean() ? 10 * random.nextInt(3) : 30 * random.nextDouble();
            }
            long[][] remaining = new long[1][PlacementData.RESOURCES];
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                remaining[0][r] = (long) (total[r] * random.nextDouble());
            }
            double exact = cheapestEviction(demand, regret, remaining[0]);
            if (Double.isInfinite(exact) || exact == 0) {
                continue;
            }
            PlacementData d = new PlacementData(
                    null,
                    new int[n][],
                    demand,
                    new long[][] {remaining[0].clone()},
                    new int[n][],
                    new long[n][1],
                    new int[n][1],
                    new double[n][1],
                    new int[n][0],
                    new long[n][0]);
            double bound = new EvictionBound(d).compute(units, assigned, arg, regret, remaining);
            assertThat(bound).as("seed %d", seed).isLessThanOrEqualTo(exact + 1e-9);
            checked++;
            if (bound > 0) {
                positive++;
            }
        }
        assertThat(checked).isEqualTo(INSTANCES);
        assertThat(positive).as("instances where the bound charges something").isGreaterThan(INSTANCES / 2);
    }

    /**
     * One binding resource and evictions that cost 0 or 1 (the first lexicographic stage counts moves): the bound is
     * the cheapest integer eviction itself, not the fractional cover below it. 200 over-subscribed instances that cost
     * something are counted.
     */
    @Test
    void isExactForOneResourceAndUnitEvictionCosts() {
        int checked = 0;
        for (long seed = 0; checked < 200 && seed < 2000; seed++) {
            Random random = new Random(seed);
            int n = 2 + random.nextInt(9);
            long[][] demand = new long[n][PlacementData.RESOURCES];
            double[] regret = new double[n];
            int[] units = new int[n];
            int[] assigned = new int[n];
            Arrays.fill(assigned, -1);
            long total = 0;
            for (int u = 0; u < n; u++) {
                units[u] = u;
                demand[u][0] = 1L + random.nextInt(20);
                total += demand[u][0];
                regret[u] = random.nextInt(4) == 0 ? 0 : 1;
            }
            long[][] remaining = {{(long) (total * random.nextDouble()), 1000, 1000}};
            double exact = cheapestEviction(demand, regret, remaining[0]);
            if (exact == 0) {
                continue;
            }
            PlacementData d = new PlacementData(
                    null,
                    new int[n][],
                    demand,
                    new long[][] {remaining[0].clone()},
                    new int[n][],
                    new long[n][1],
                    new int[n][1],
                    new double[n][1],
                    new int[n][0],
                    new long[n][0]);

            double bound = new EvictionBound(d).compute(units, assigned, new int[n], regret, remaining);

            assertThat(bound).as("seed %d", seed).isEqualTo(exact);
            checked++;
        }
        assertThat(checked).isEqualTo(200);
    }

    private static double cheapestEviction(long[][] demand, double[] regret, long[] capacity) {
        int n = demand.length;
        double exact = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << n; mask++) {
            long[] kept = new long[PlacementData.RESOURCES];
            double cost = 0;
            for (int u = 0; u < n; u++) {
                if ((mask & 1 << u) != 0) {
                    cost += regret[u];
                } else {
                    for (int r = 0; r < PlacementData.RESOURCES; r++) {
                        kept[r] += demand[u][r];
                    }
                }
            }
            if (kept[0] <= capacity[0] && kept[1] <= capacity[1] && kept[2] <= capacity[2]) {
                exact = Math.min(exact, cost);
            }
        }
        return exact;
    }
}
