package dev.smo.optimizer.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eviction bound never exceeds the cheapest integer eviction (brute force over all subsets of the units that
 * want an over-subscribed cluster), and is at least the plain fractional cover it strengthens.
 */
class EvictionBoundTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverExceedsTheCheapestIntegerEviction(long seed) {
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
            if (kept[0] <= remaining[0][0] && kept[1] <= remaining[0][1] && kept[2] <= remaining[0][2]) {
                exact = Math.min(exact, cost);
            }
        }
        if (Double.isInfinite(exact)) {
            assertThat(bound).isLessThanOrEqualTo(Double.POSITIVE_INFINITY);
        } else {
            assertThat(bound).isLessThanOrEqualTo(exact + 1e-9);
        }
    }
}
