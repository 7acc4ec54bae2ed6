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
 * The bounds used below the root — capacity prices re-tuned per node and edge residuals that let both ends share a
 * cluster only where their combined demand fits — never cut off the optimum: on tight, edge-heavy brute-forced
 * instances, searches cut off after 1 to 300 nodes never report a bound above the optimum, and a complete search
 * (seeded with a feasible assignment so that the per-node bounds are active, or not; with incumbents polished by
 * local search or left as found, so that the bounds have to do the proof) ends exactly on the optimum. Instances are
 * generated until 120 of them are feasible and need more than the root node per component in the unpolished,
 * unseeded search (so the bounds below the root are really used).
 */
class DepthBoundTest {

    private static final int INSTANCES = 120;

    @Test
    void depthBoundsNeverCutOffTheOptimum() {
        int exercised = 0;
        for (long seed = 7000; exercised < INSTANCES && seed < 7000 + 20 * INSTANCES; seed++) {
            if (check(seed)) {
                exercised++;
            }
        }
        assertThat(exercised).isEqualTo(INSTANCES);
    }

    /** @return whether the instance exercised the bounds: feasible, and the unpolished search went below its root */
    private static boolean check(long seed) {
        Random random = new Random(seed);
        PlacementProblem problem = RandomInstances.generate(
                seed,
                new RandomInstances.Shape(
                        4 + random.nextInt(5),
                        2 + random.nextInt(3),
                        0.8 + 0.4 * random.nextDouble(),
                        random.nextInt(2),
                        2.0 + random.nextDouble(),
                        0.1,
                        0.0,
                        0.0,
                        new PlacementWeights(1 + random.nextInt(10), 2 + random.nextInt(8), 0.5)));
        Map<String, String> expected = BruteForce.solve(problem);
        if (expected == null || !(Presolve.run(problem) instanceof Presolved.Ready ready)) {
            return false;
        }
        PlacementData d = ready.data();
        double optimum = new PlacementEvaluator(problem).terms(expected).total();
        int[] greedy = Greedy.assign(d);
        long unpolishedNodes = 0;
        for (long nodeLimit : new long[] {1, 3, 10, 30, 300, Long.MAX_VALUE}) {
            for (int variant = 0; variant < 4; variant++) {
                boolean seeded = (variant & 1) != 0;
                boolean polished = (variant & 2) != 0;
                double boundSum = 0;
                double valueSum = 0;
                boolean complete = true;
                long nodes = 0;
                for (int[] component : Components.of(d)) {
                    UnitSearch search = new UnitSearch(
                            d,
                            component,
                            Long.MAX_VALUE,
                            nodeLimit,
                            1e-9,
                            SearchSettings.DEFAULTS.withRetuneAfter(0).withPolish(polished));
                    if (seeded && greedy != null) {
                        int[] restricted = new int[d.units()];
                        Arrays.fill(restricted, -1);
                        for (int u : component) {
                            restricted[u] = greedy[u];
                        }
                        search.offer(restricted, LocalSearch.value(d, component, restricted));
                    }
                    UnitSearch.SearchOutcome outcome = search.run();
                    boundSum += outcome.bound();
                    valueSum += outcome.value();
                    complete &= outcome.complete();
                    nodes += outcome.nodes();
                }
                assertThat(boundSum)
                        .as("seed %d, bound, node limit %d, seeded %s, polished %s", seed, nodeLimit, seeded, polished)
                        .isLessThanOrEqualTo(optimum + 1e-9);
                if (complete) {
                    assertThat(valueSum)
                            .as(
                                    "seed %d, complete search, node limit %d, seeded %s, polished %s",
                                    seed, nodeLimit, seeded, polished)
                            .isCloseTo(optimum, org.assertj.core.data.Offset.offset(1e-6));
                }
                if (nodeLimit == Long.MAX_VALUE && !seeded && !polished) {
                    unpolishedNodes = nodes;
                }
            }
        }
        return unpolishedNodes > Components.of(d).size();
    }
}
