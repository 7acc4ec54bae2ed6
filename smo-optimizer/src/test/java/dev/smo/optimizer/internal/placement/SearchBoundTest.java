package dev.smo.optimizer.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementWeights;
import dev.smo.optimizer.support.BruteForce;
import dev.smo.optimizer.support.RandomInstances;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search's lower bounds (message bound, capacity prices, eviction, reduced-cost fixing) never exceed the
 * brute-force optimum, even when the search is cut off after its first nodes, and local search keeps feasibility.
 * Instances are generated until 150 of them are feasible and leave the search open after one node (so the reported
 * bound is a real lower bound, not the optimum of a finished search).
 */
class SearchBoundTest {

    private static final int INSTANCES = 150;

    @Test
    void boundsNeverExceedTheOptimum() {
        int exercised = 0;
        for (long seed = 5000; exercised < INSTANCES && seed < 5000 + 20 * INSTANCES; seed++) {
            if (check(seed)) {
                exercised++;
            }
        }
        assertThat(exercised).isEqualTo(INSTANCES);
    }

    /** @return whether the instance exercised the bounds: feasible, and a search cut off after one node was open */
    private static boolean check(long seed) {
        Random random = new Random(seed);
        PlacementProblem problem = RandomInstances.generate(
                seed,
                new RandomInstances.Shape(
                        2 + random.nextInt(7),
                        1 + random.nextInt(4),
                        0.5 + 0.5 * random.nextDouble(),
                        random.nextInt(2),
                        2.0,
                        0.2,
                        0.1,
                        0.1,
                        new PlacementWeights(1 + random.nextInt(10), 1 + random.nextInt(3), 0.5)));
        Map<String, String> expected = BruteForce.solve(problem);
        if (expected == null || !(Presolve.run(problem) instanceof Presolved.Ready ready)) {
            return false;
        }
        PlacementData d = ready.data();
        double optimum = new PlacementEvaluator(problem).terms(expected).total();
        int[] greedy = Greedy.assign(d);
        boolean cutOff = false;
        for (long nodeLimit : new long[] {1, 3, 10}) {
            for (boolean seeded : new boolean[] {false, true}) {
                double rootSum = 0;
                double boundSum = 0;
                for (int[] component : Components.of(d)) {
                    UnitSearch search = new UnitSearch(d, component, Long.MAX_VALUE, nodeLimit, 1e-9);
                    if (seeded && greedy != null) {
                        int[] restricted = new int[d.units()];
                        Arrays.fill(restricted, -1);
                        for (int u : component) {
                            restricted[u] = greedy[u];
                        }
                        search.offer(restricted, LocalSearch.value(d, component, restricted));
                    }
                    UnitSearch.SearchOutcome outcome = search.run();
                    rootSum += outcome.rootBound();
                    boundSum += outcome.bound();
                    cutOff |= nodeLimit == 1 && !seeded && !outcome.complete();
                }
                assertThat(rootSum)
                        .as("seed %d, root bound, node limit %d", seed, nodeLimit)
                        .isLessThanOrEqualTo(optimum + 1e-9);
                assertThat(boundSum)
                        .as("seed %d, final bound, node limit %d", seed, nodeLimit)
                        .isLessThanOrEqualTo(optimum + 1e-9);
            }
        }
        return cutOff;
    }
}
