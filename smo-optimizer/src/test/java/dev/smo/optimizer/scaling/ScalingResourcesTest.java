package dev.smo.optimizer.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.scaling.ScalingExplanation.Reason;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Memory and GPUs per cluster in the scaling model, next to CPU. */
class ScalingResourcesTest {

    private static final long GIB = 1024L * 1024 * 1024;

    private final ScalingOptimizer optimizer = ScalingOptimizer.create();

    /** 250m and 2 GiB and {gpus} GPUs per replica, 10 req/s each, 40 req/s: 4 replicas are needed. */
    private static ScalingService service(String name, int gpus) {
        return new ScalingService(name, "c", 250, 2 * GIB, gpus, 1, 8, 2, 10, 0, 40);
    }

    static Stream<Arguments> clusters() {
        return Stream.of(
                Arguments.of("room for 4", new ScalingCluster("c", 8000, 16 * GIB, 8), 0, null),
                Arguments.of("cpu-bound", new ScalingCluster("c", 900, 16 * GIB, 8), 0, Reason.CLUSTER_CPU_SHORT),
                Arguments.of(
                        "memory-bound: cpu for 32, memory for 3",
                        new ScalingCluster("c", 8000, 7 * GIB, 8),
                        0,
                        Reason.CLUSTER_MEMORY_SHORT),
                Arguments.of(
                        "gpu-bound: 2 GPUs per replica, 6 GPUs",
                        new ScalingCluster("c", 8000, 64 * GIB, 6),
                        2,
                        Reason.CLUSTER_GPU_SHORT),
                Arguments.of("gpus fit", new ScalingCluster("c", 8000, 64 * GIB, 8), 2, null),
                Arguments.of(
                        "no gpu service on a gpu-less cluster", new ScalingCluster("c", 8000, 64 * GIB, 0), 0, null),
                Arguments.of("cpu-only cluster", ScalingCluster.ofCpu("c", 1000), 1, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void replicasFitEveryResourceOrTheShortOneIsNamed(String name, ScalingCluster cluster, int gpus, Reason expected) {
        ScalingResult result = optimizer.solve(ScalingProblem.builder()
                .service(service("s", gpus))
                .cluster(cluster)
                .build());

        if (expected == null) {
            assertThat(result.status()).isEqualTo(Termination.OPTIMAL);
            assertThat(result.replicas()).containsExactly(Map.entry("s", 4));
        } else {
            assertThat(result.status()).isEqualTo(Termination.INFEASIBLE);
            assertThat(result.explanation().orElseThrow().reason()).isEqualTo(expected);
            assertThat(result.explanation().orElseThrow().cluster()).isEqualTo("c");
        }
    }

    @Test
    void memoryShortageNamesTheNumbers() {
        ScalingResult result = optimizer.solve(ScalingProblem.builder()
                .service(service("s", 0))
                .cluster(new ScalingCluster("c", 8000, 7 * GIB, 8))
                .build());

        assertThat(result.explanation().orElseThrow().message())
                .startsWith("Cluster (c) has memory 7168Mi but its services [s×4] need at least 8192Mi"
                        + " to serve their request rates, 1024Mi short.");
    }

    @Test
    void memoryLimitsTheChoiceAboveTheLowerBound() {
        // Two services on one cluster: b may stay at its 5 previous replicas only if memory allows.
        ScalingResult result = optimizer.solve(ScalingProblem.builder()
                .service(new ScalingService("a", "c", 100, 3 * GIB, 0, 1, 8, 1, 10, 0, 30))
                .service(new ScalingService("b", "c", 100, 3 * GIB, 0, 1, 8, 5, 10, 0, 10))
                .cluster(new ScalingCluster("c", 8000, 12 * GIB, 0))
                .build());

        assertThat(result.status()).isEqualTo(Termination.OPTIMAL);
        assertThat(result.replicas()).containsExactly(Map.entry("a", 3), Map.entry("b", 1));
    }

    @Test
    void countsTheCases() {
        assertThat(clusters()).hasSize(7);
    }
}
