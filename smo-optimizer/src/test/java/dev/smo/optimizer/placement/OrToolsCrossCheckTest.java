package dev.smo.optimizer.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smo.optimizer.internal.placement.PlacementMilpFormulation;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.support.OrToolsBridge;
import dev.smo.optimizer.support.RandomInstances;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Medium instances (30 services × 6 clusters) against OR-Tools SCIP on the same MILP. */
class OrToolsCrossCheckTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void optimizerAgreesWithScip(long seed) {
        PlacementProblem problem = RandomInstances.generate(seed, RandomInstances.Shape.bench(30, 6));
        PlacementMilpFormulation formulation = PlacementMilpFormulation.of(problem);

        PlacementResult ours = PlacementOptimizer.create().solve(problem);
        OrToolsBridge.Outcome scip = OrToolsBridge.solve(formulation.model(), "SCIP", Duration.ofSeconds(30));

        assertThat(ours.status()).isEqualTo(Termination.OPTIMAL);
        assertThat(scip.optimal()).as("SCIP status %s", scip.status()).isTrue();
        assertThat(ours.objective()).isCloseTo(scip.objective(), within(1e-6));
        assertThat(formulation.assignment(scip.values())).isEqualTo(ours.assignment());
    }
}
