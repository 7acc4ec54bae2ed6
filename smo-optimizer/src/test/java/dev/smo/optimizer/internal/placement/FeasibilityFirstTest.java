package dev.smo.optimizer.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.support.Families;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On planted instances packed tighter than any bench family (so a placement exists), the feasibility-first phase
 * finds one, and it is checked independently; the test counts the instances on which the cost-driven greedy pass
 * failed, so that the repair really did the work.
 */
class FeasibilityFirstTest {

    @Test
    void findsAPlacementWhereTheGreedyPassFails() {
        int greedyFailed = 0;
        int instances = 0;
        for (long seed = 0; greedyFailed < 12 && seed < 400; seed++) {
            int services = 20 + (int) (seed % 5) * 20;
            PlacementProblem problem = Families.packed(seed, services, services / 8, 0.92, 0.99);
            PlacementData d = ((Presolved.Ready) Presolve.run(problem)).data();
            if (Greedy.assign(d) != null) {
                continue;
            }
            greedyFailed++;
            int[] units = FeasibilityFirst.find(d, System.nanoTime() + 2_000_000_000L);
            assertThat(units).as("seed %d", seed).isNotNull();
            Map<String, String> assignment = new LinkedHashMap<>();
            for (int u = 0; u < d.units(); u++) {
                for (int s : d.members()[u]) {
                    assignment.put(
                            problem.services().get(s).name(),
                            problem.clusters().get(units[u]).name());
                }
            }
            assertThat(new PlacementEvaluator(problem).firstViolation(assignment))
                    .as("seed %d", seed)
                    .isNull();
            instances++;
        }
        assertThat(instances).isEqualTo(12);
    }
}
