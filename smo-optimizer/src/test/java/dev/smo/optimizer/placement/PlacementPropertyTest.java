package dev.smo.optimizer.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smo.optimizer.internal.placement.PlacementEvaluator;
import dev.smo.optimizer.internal.placement.PlacementMilpFormulation;
import dev.smo.optimizer.milp.MilpSolver;
import dev.smo.optimizer.milp.SolveResult;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.support.BruteForce;
import dev.smo.optimizer.support.RandomInstances;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random small instances (≤ 8 services, ≤ 4 clusters) against brute-force enumeration. */
class PlacementPropertyTest {

    private static final PlacementWeights[] WEIGHTS = {
        PlacementWeights.DEFAULTS,
        new PlacementWeights(1, 1, 0.5),
        new PlacementWeights(2, 3, 0.9),
        new PlacementWeights(1, 0, 0.3),
        new PlacementWeights(0, 1, 0.5)
    };

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    static LongStream tinySeeds() {
        return LongStream.range(1000, 1040);
    }

    static PlacementProblem instance(long seed, int maxServices, int maxReady) {
        Random random = new Random(seed);
        int services = 1 + random.nextInt(maxServices);
        int ready = 1 + random.nextInt(maxReady);
        int removed = random.nextInt(2);
        double load = 0.4 + 0.7 * random.nextDouble();
        return RandomInstances.generate(
                seed,
                new RandomInstances.Shape(
                        services, ready, load, removed, 1.2, 0.2, 0.1, 0.15, WEIGHTS[random.nextInt(WEIGHTS.length)]));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void optimizerMatchesBruteForce(long seed) {
        PlacementProblem problem = instance(seed, 8, 3);
        Map<String, String> expected = BruteForce.solve(problem);

        PlacementResult result = PlacementOptimizer.create().solve(problem);

        if (expected == null) {
            assertThat(result.status()).isEqualTo(Termination.INFEASIBLE);
            assertThat(result.explanation()).isPresent();
            return;
        }
        PlacementEvaluator evaluator = new PlacementEvaluator(problem);
        assertThat(result.status()).isEqualTo(Termination.OPTIMAL);
        assertThat(result.objective()).isCloseTo(evaluator.terms(expected).total(), within(1e-9));
        assertThat(result.assignment()).containsExactlyEntriesOf(expected);
        assertThat(result.bound()).isCloseTo(result.objective(), within(1e-9));
        assertThat(PlacementOptimizer.create().solve(problem).assignment()).isEqualTo(result.assignment());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tinySeeds")
    void genericMilpEngineMatchesBruteForceOnThePlacementFormulation(long seed) {
        PlacementProblem problem = instance(seed, 5, 3);
        Map<String, String> expected = BruteForce.solve(problem);
        PlacementMilpFormulation formulation = PlacementMilpFormulation.of(problem);

        SolveResult result =
                MilpSolver.create(SolverOptions.defaults()).solve(formulation.model(), formulation.heuristic());

        if (expected == null) {
            assertThat(result.termination()).isEqualTo(Termination.INFEASIBLE);
            return;
        }
        assertThat(result.termination()).isEqualTo(Termination.OPTIMAL);
        assertThat(result.objective())
                .isCloseTo(new PlacementEvaluator(problem).terms(expected).total(), within(1e-6));
        assertThat(formulation.assignment(result)).containsExactlyEntriesOf(expected);
    }
}
