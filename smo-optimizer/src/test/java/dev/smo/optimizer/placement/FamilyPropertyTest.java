package dev.smo.optimizer.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smo.optimizer.internal.placement.PlacementEvaluator;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.support.BruteForce;
import dev.smo.optimizer.support.Families;
import dev.smo.optimizer.support.Families.Family;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every planted family at brute-force sizes (≤ 8 services, ≤ 3 ready clusters; a placement always exists): the
 * engine's answer is optimal and equal to the enumeration's, with the family's weights, with lexicographic weights,
 * with the defaults, and with weighted ones that the engine solves in stages or as integers (a move dearer than every
 * edge, with and without a tie-breaker; the defaults without one — without a tie-breaker only the objective is
 * unique); and at 500×50 every family gets a feasible placement within 3 s.
 */
class FamilyPropertyTest {

    private static final Family[] PLANTED = {Family.LEXICOGRAPHIC, Family.TIGHT, Family.GPU_FULL, Family.MANY_REMOVED};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Family family : PLANTED) {
            for (long seed = 0; seed < 40; seed++) {
                cases.add(Arguments.of(family, seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void optimalAndEqualToBruteForce(Family family, long seed) {
        Random random = new Random(seed);
        int services = 4 + random.nextInt(5);
        int clusters = 2 + random.nextInt(2);
        int dominating =
                (int) Families.generate(family, seed, services, clusters).totalEdgeWeight() + 1;
        PlacementWeights[] weights = {
            null,
            PlacementWeights.lexicographic(),
            new PlacementWeights(3, 2, 0.3, true),
            PlacementWeights.DEFAULTS,
            new PlacementWeights(dominating, 1, 0),
            new PlacementWeights(dominating, 1, 0.5),
            new PlacementWeights(10, 1, 0)
        };
        for (PlacementWeights w : weights) {
            PlacementProblem problem = w == null
                    ? Families.generate(family, seed, services, clusters)
                    : Families.generate(family, seed, services, clusters, w);
            Map<String, String> expected = BruteForce.solve(problem);
            assertThat(expected).as("a planted instance has a placement").isNotNull();

            PlacementResult result = PlacementOptimizer.create().solve(problem);

            PlacementEvaluator evaluator = new PlacementEvaluator(problem);
            assertThat(result.status()).as("weights %s", problem.weights()).isEqualTo(Termination.OPTIMAL);
            assertThat(result.objective()).isCloseTo(evaluator.terms(expected).total(), within(1e-6));
            if (problem.weights().tieBreaker() > 0) {
                assertThat(result.assignment()).containsExactlyEntriesOf(expected);
            }
            assertThat(result.bound()).isCloseTo(result.objective(), within(1e-9));
        }
    }

    /**
     * 500×50, every family, seeds 3 and 4: a placement within a 3 s limit (the feasibility phase gets half of it),
     * feasible by the problem's own constraints. The node limit only ends the search early once there is one, to keep
     * the test short.
     */
    @Test
    void everyFamilyGetsAFeasiblePlacementAt500x50() {
        PlacementOptimizer optimizer = PlacementOptimizer.create(
                SolverOptions.defaults().withTimeLimit(Duration.ofSeconds(3)).withNodeLimit(200));
        int placed = 0;
        for (Family family : Family.values()) {
            for (long seed = 3; seed <= 4; seed++) {
                PlacementProblem problem = Families.generate(family, seed, 500, 50);

                PlacementResult result = optimizer.solve(problem);

                assertThat(result.status())
                        .as("%s seed %d: %s", family, seed, result.describe())
                        .isIn(Termination.FEASIBLE, Termination.OPTIMAL);
                assertThat(BruteForce.feasible(problem, result.assignment()))
                        .as("%s seed %d", family, seed)
                        .isTrue();
                placed++;
            }
        }
        assertThat(placed).isEqualTo(2 * Family.values().length);
    }
}
