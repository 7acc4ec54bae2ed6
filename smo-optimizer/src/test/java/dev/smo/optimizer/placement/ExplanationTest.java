package dev.smo.optimizer.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.optimizer.milp.Termination;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExplanationTest {

    private static final long GIB = 1L << 30;

    static Stream<Arguments> infeasibleProblems() {
        return Stream.of(
                Arguments.of(
                        "service needs GPUs no cluster has",
                        PlacementProblem.builder()
                                .service(ServiceDemand.of("video", 500, GIB, 2, 1))
                                .cluster(ClusterCapacity.ready("edge-1", 4000, 8 * GIB, 0))
                                .build(),
                        Explanation.Reason.SERVICE_FITS_NOWHERE,
                        "gpu",
                        "Service (video) needs 2 GPUs per replica × 1; no ready cluster has 2 GPUs. Closest: edge-1"
                                + " (0 GPUs)."),
                Arguments.of(
                        "service larger than every cluster",
                        PlacementProblem.builder()
                                .service(ServiceDemand.of("db", 3000, GIB, 0, 2))
                                .cluster(ClusterCapacity.ready("a", 4000, 8 * GIB, 0))
                                .cluster(ClusterCapacity.ready("b", 5000, 8 * GIB, 0))
                                .build(),
                        Explanation.Reason.SERVICE_FITS_NOWHERE,
                        "cpu",
                        "Service (db) needs 3000m cpu per replica × 2; no ready cluster has 6000m cpu. Closest: b"
                                + " (5000m cpu), a (4000m cpu)."),
                Arguments.of(
                        "allowed clusters not ready",
                        PlacementProblem.builder()
                                .service(ServiceDemand.of("db", 100, GIB, 0, 1).onlyOn(Set.of("down")))
                                .cluster(new ClusterCapacity("down", 4000, 8 * GIB, 0, false))
                                .cluster(ClusterCapacity.ready("up", 4000, 8 * GIB, 0))
                                .build(),
                        Explanation.Reason.SERVICE_FITS_NOWHERE,
                        "cluster",
                        "Service (db) may run on no ready cluster (db → [down]; ready: [up]).\n"
                                + "Maybe widen the allowed clusters."),
                Arguments.of(
                        "no cluster ready",
                        PlacementProblem.builder()
                                .service(ServiceDemand.of("db", 100, GIB, 0, 1))
                                .cluster(new ClusterCapacity("down", 4000, 8 * GIB, 0, false))
                                .build(),
                        Explanation.Reason.NO_READY_CLUSTER,
                        "cluster",
                        "No cluster is ready (clusters: [down]), so no service can be placed.\n"
                                + "Maybe wait for a cluster to become ready or register one."),
                Arguments.of(
                        "total memory short",
                        PlacementProblem.builder()
                                .service(ServiceDemand.of("a", 100, 3 * GIB, 0, 1))
                                .service(ServiceDemand.of("b", 100, 3 * GIB, 0, 1))
                                .cluster(ClusterCapacity.ready("x", 4000, 4 * GIB, 0))
                                .build(),
                        Explanation.Reason.TOTAL_CAPACITY_SHORT,
                        "memory",
                        "The services need 6.0 GiB memory in total but the ready clusters have 4.0 GiB memory:"
                                + " 2.0 GiB memory short. Largest: x (4.0 GiB memory).\n"
                                + "Maybe add capacity or reduce replicas."),
                Arguments.of(
                        "coLocation group too big together",
                        PlacementProblem.builder()
                                .service(ServiceDemand.of("a", 3000, GIB, 0, 1))
                                .service(ServiceDemand.of("b", 3000, GIB, 0, 1))
                                .cluster(ClusterCapacity.ready("x", 4000, 8 * GIB, 0))
                                .cluster(ClusterCapacity.ready("y", 4000, 8 * GIB, 0))
                                .coLocate(Set.of("a", "b"))
                                .build(),
                        Explanation.Reason.GROUP_FITS_NOWHERE,
                        "cpu",
                        "CoLocation group (a, b) needs 6000m cpu together; no ready cluster allowed for it has 6000m"
                                + " cpu. Closest: x (4000m cpu), y (4000m cpu)."),
                Arguments.of(
                        "totals fit but packing does not",
                        PlacementProblem.builder()
                                .service(ServiceDemand.of("a", 600, GIB, 0, 1))
                                .service(ServiceDemand.of("b", 600, GIB, 0, 1))
                                .service(ServiceDemand.of("c", 600, GIB, 0, 1))
                                .cluster(ClusterCapacity.ready("x", 1000, 8 * GIB, 0))
                                .cluster(ClusterCapacity.ready("y", 1000, 8 * GIB, 0))
                                .build(),
                        Explanation.Reason.PACKING_IMPOSSIBLE,
                        "cpu",
                        "No assignment fits every service although the totals fit: cpu is tightest at 1800m cpu of"
                                + " 2000m cpu ready, and the largest services [a, b, c] leave fragments no other"
                                + " service fills.\nMaybe add capacity to one cluster, relax coLocation or allowed"
                                + " clusters, or split a service into more, smaller replicas."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infeasibleProblems")
    void infeasibleProblemIsExplained(
            String name, PlacementProblem problem, Explanation.Reason reason, String resource, String message) {
        PlacementResult result = PlacementOptimizer.create().solve(problem);

        assertThat(result.status()).isEqualTo(Termination.INFEASIBLE);
        assertThat(result.assignment()).isEmpty();
        Explanation why = result.explanation().orElseThrow();
        assertThat(why.reason()).isEqualTo(reason);
        assertThat(why.resource()).isEqualTo(resource);
        assertThat(why.message()).isEqualTo(message);
        assertThat(result.describe()).startsWith("INFEASIBLE: ");
    }
}
