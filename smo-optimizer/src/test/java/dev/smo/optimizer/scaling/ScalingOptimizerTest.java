package dev.smo.optimizer.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smo.optimizer.milp.Termination;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScalingOptimizerTest {

    private final ScalingOptimizer optimizer = ScalingOptimizer.create();

    /** The original's test (tests/utils/test_scaling.py): rates [50, 80], α [30, 25], β [10, 5], cpu [.5, 1], cap 10. */
    @Test
    void originalTestCaseGivesTwoAndThreeReplicas() {
        ScalingProblem problem = ScalingProblem.builder()
                .service(new ScalingService("s0", "c", 500, 1, 5, 1, 30, 10, 50))
                .service(new ScalingService("s1", "c", 1000, 1, 5, 1, 25, 5, 80))
                .cluster("c", 10_000)
                .build();

        ScalingResult result = optimizer.solve(problem);

        assertThat(result.status()).isEqualTo(Termination.OPTIMAL);
        assertThat(result.replicas()).containsExactly(Map.entry("s0", 2), Map.entry("s1", 3));
    }

    @Test
    void maxReplicasIsRespectedAndItsViolationExplained() {
        ScalingProblem problem = ScalingProblem.builder()
                .service(new ScalingService("s0", "c", 500, 1, 3, 1, 10, 0, 45))
                .cluster("c", 10_000)
                .build();

        ScalingResult result = optimizer.solve(problem);

        assertThat(result.status()).isEqualTo(Termination.INFEASIBLE);
        assertThat(result.needsReplacement()).isTrue();
        ScalingExplanation why = result.explanation().orElseThrow();
        assertThat(why.reason()).isEqualTo(ScalingExplanation.Reason.RATE_ABOVE_MAX_REPLICAS);
        assertThat(why.service()).isEqualTo("s0");
        assertThat(why.message()).startsWith("Service (s0) needs 5 replicas to serve 45.00 req/s");
    }

    @Test
    void capacityIsCheckedPerClusterForTheServicesPlacedThere() {
        ScalingProblem problem = ScalingProblem.builder()
                .service(new ScalingService("a", "east", 1000, 1, 5, 1, 10, 0, 40))
                .service(new ScalingService("b", "west", 1000, 1, 5, 1, 10, 0, 40))
                .cluster("east", 4000)
                .cluster("west", 4000)
                .build();

        ScalingResult result = optimizer.solve(problem);

        assertThat(result.status()).isEqualTo(Termination.OPTIMAL);
        assertThat(result.replicas()).containsExactly(Map.entry("a", 4), Map.entry("b", 4));
    }

    @Test
    void clusterShortOfCpuIsNamed() {
        ScalingProblem problem = ScalingProblem.builder()
                .service(new ScalingService("a", "east", 1000, 1, 5, 1, 10, 0, 40))
                .service(new ScalingService("b", "west", 1000, 1, 5, 1, 10, 0, 40))
                .cluster("east", 4000)
                .cluster("west", 3000)
                .build();

        ScalingResult result = optimizer.solve(problem);

        assertThat(result.status()).isEqualTo(Termination.INFEASIBLE);
        ScalingExplanation why = result.explanation().orElseThrow();
        assertThat(why.reason()).isEqualTo(ScalingExplanation.Reason.CLUSTER_CPU_SHORT);
        assertThat(why.cluster()).isEqualTo("west");
        assertThat(why.message()).contains("Cluster (west) has cpu 3000m", "1000m short");
    }

    @Test
    void serviceOnUnknownClusterAsksForReplacement() {
        ScalingResult result = optimizer.solve(ScalingProblem.builder()
                .service(new ScalingService("a", "gone", 1000, 1, 5, 1, 10, 0, 5))
                .build());

        assertThat(result.explanation().orElseThrow().reason()).isEqualTo(ScalingExplanation.Reason.UNKNOWN_CLUSTER);
    }

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void optimumMatchesEnumeration(long seed) {
        Random random = new Random(seed);
        ScalingProblem.Builder builder = ScalingProblem.builder().cluster("c", 2000 + random.nextInt(8000));
        int n = 1 + random.nextInt(4);
        for (int s = 0; s < n; s++) {
            int max = 1 + random.nextInt(6);
            builder.service(new ScalingService(
                    "s" + s,
                    "c",
                    100 + random.nextInt(1500),
                    random.nextInt(2),
                    max,
                    random.nextInt(8),
                    5 + random.nextInt(30),
                    random.nextInt(20) - 10,
                    random.nextInt(120)));
        }
        ScalingProblem problem = builder.build();

        ScalingResult result = optimizer.solve(problem);
        double expected =
                enumerate(problem.services(), problem.clusters().get(0).cpuMillis(), problem.weights());

        if (Double.isNaN(expected)) {
            assertThat(result.status()).isEqualTo(Termination.INFEASIBLE);
        } else {
            assertThat(result.status()).isEqualTo(Termination.OPTIMAL);
            assertThat(result.objective()).isCloseTo(expected, within(1e-6));
        }
    }

    private static double enumerate(List<ScalingService> services, long capacity, ScalingWeights w) {
        double norm = 1;
        for (ScalingService s : services) {
            norm = Math.max(norm, (double) s.maxReplicas() * s.cpuMillis());
        }
        int[] r = new int[services.size()];
        return search(services, 0, r, capacity, w, norm);
    }

    private static double search(
            List<ScalingService> services, int i, int[] r, long capacity, ScalingWeights w, double norm) {
        if (i == services.size()) {
            long cpu = 0;
            double value = 0;
            for (int s = 0; s < r.length; s++) {
                ScalingService service = services.get(s);
                cpu += r[s] * service.cpuMillis();
                value += w.cpu() * r[s] * service.cpuMillis() / norm
                        + w.change() * Math.abs(r[s] - service.previousReplicas()) / service.maxReplicas();
            }
            return cpu <= capacity ? value : Double.NaN;
        }
        double best = Double.NaN;
        ScalingService s = services.get(i);
        for (int k = s.minReplicas(); k <= s.maxReplicas(); k++) {
            if (s.alpha() * k + s.beta() >= s.requestRate()) {
                r[i] = k;
                double v = search(services, i + 1, r, capacity, w, norm);
                if (!Double.isNaN(v) && (Double.isNaN(best) || v < best)) {
                    best = v;
                }
            }
        }
        return best;
    }
}
