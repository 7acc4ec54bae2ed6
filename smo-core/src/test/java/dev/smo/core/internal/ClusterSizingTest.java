package dev.smo.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.ClusterSuggestion;
import dev.smo.core.NfvclCluster;
import dev.smo.core.Plan;
import dev.smo.core.PlannedService;
import dev.smo.core.Provisioning.Advice;
import dev.smo.core.Vim;
import dev.smo.core.spi.InfrastructureStoreContract;
import dev.smo.core.spi.Nfvcl;
import dev.smo.intent.ResourceRequest;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.placement.Explanation;
import dev.smo.optimizer.placement.Explanation.Reason;
import dev.smo.optimizer.placement.ObjectiveTerms;
import dev.smo.optimizer.placement.PlacementResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterSizingTest {

    private static final long MI = 1L << 20;
    private static final long GI = 1L << 30;
    private static final List<Vim> ONE_VIM = List.of(vim(1, "pop-1", 1));
    /** What the ready clusters offer the graph: 1 CPU and 1 GiB; a not-ready one offers nothing. */
    private static final List<ClusterInfo> OFFERED = List.of(
            ClusterInfo.of("edge", 1000, GI, 0),
            ClusterInfo.of("down", 64_000, 64 * GI, 0).withReady(false));

    static Stream<Arguments> shortfalls() {
        return Stream.of(
                Arguments.of(
                        "total CPU short: what the ready clusters do not offer (2.5 - 1 CPU), smallest flavor",
                        Reason.TOTAL_CAPACITY_SHORT,
                        "cpu",
                        List.of(),
                        List.of(service("a", 1000, GI, 0, 2), service("b", 500, 512 * MI, 0, 1)),
                        new Nfvcl.Flavor(2, 4096, 40),
                        1,
                        List.of("a", "b")),
                Arguments.of(
                        "one service fits nowhere: only it, a flavor holding its replica",
                        Reason.SERVICE_FITS_NOWHERE,
                        "cpu",
                        List.of("big"),
                        List.of(service("big", 6000, 4 * GI, 0, 1), service("small", 100, 100 * MI, 0, 1)),
                        new Nfvcl.Flavor(8, 16384, 80),
                        1,
                        List.of("big")),
                Arguments.of(
                        "memory short: workers counted by memory",
                        Reason.TOTAL_CAPACITY_SHORT,
                        "memory",
                        List.of(),
                        List.of(service("cache", 250, 6 * GI, 0, 3)),
                        new Nfvcl.Flavor(4, 8192, 40),
                        3,
                        List.of("cache")),
                Arguments.of(
                        "more than 8 small workers: the next flavor",
                        Reason.PACKING_IMPOSSIBLE,
                        "packing",
                        List.of(),
                        List.of(service("web", 1000, GI, 0, 20)),
                        new Nfvcl.Flavor(4, 8192, 40),
                        6,
                        List.of("web")),
                Arguments.of(
                        "no ready cluster at all: the whole graph",
                        Reason.NO_READY_CLUSTER,
                        "cluster",
                        List.of(),
                        List.of(service("a", 100, 128 * MI, 0, 1)),
                        new Nfvcl.Flavor(2, 4096, 40),
                        1,
                        List.of("a")),
                Arguments.of(
                        "a coLocation group: its members together",
                        Reason.GROUP_FITS_NOWHERE,
                        "cpu",
                        List.of("x", "y"),
                        List.of(service("x", 3000, GI, 0, 1), service("y", 3000, GI, 0, 1), service("z", 1, MI, 0, 1)),
                        new Nfvcl.Flavor(4, 8192, 40),
                        2,
                        List.of("x", "y")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shortfalls")
    void sizesTheClusterForTheShortfall(
            String name,
            Reason reason,
            String resource,
            List<String> named,
            List<PlannedService> services,
            Nfvcl.Flavor flavor,
            int workers,
            List<String> sizedFor) {
        Advice advice =
                ClusterSizing.advise(infeasible(reason, resource, named, services), OFFERED, ONE_VIM, List.of());

        ClusterSuggestion s = advice.suggestion().orElseThrow(() -> new AssertionError(advice.message()));
        assertThat(s.workerFlavor()).isEqualTo(flavor);
        assertThat(s.workers()).isEqualTo(workers);
        assertThat(s.services()).isEqualTo(sizedFor);
        assertThat(s.vimName()).isEqualTo("pop-1");
        assertThat(s.popArea()).isEqualTo(1);
        assertThat(advice.message()).contains("VIM (pop-1)", workers + " worker(s)");
        long workerCpu = flavor.vcpus() * 1000L - ClusterSizing.RESERVED_CPU_MILLIS;
        long workerMemory = flavor.memoryMb() * MI - ClusterSizing.RESERVED_MEMORY_BYTES;
        assertThat(workers * workerCpu).as("CPU held").isGreaterThanOrEqualTo(s.cpuMillis());
        assertThat(workers * workerMemory).as("memory held").isGreaterThanOrEqualTo(s.memoryBytes());
        assertThat(shortfalls().count()).isEqualTo(6);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "GPUs: the NFVCL's flavors have none",
                        infeasible(
                                Reason.SERVICE_FITS_NOWHERE,
                                "gpu",
                                List.of("ml"),
                                List.of(service("ml", 1000, GI, 2, 1))),
                        ONE_VIM,
                        "GPU"),
                Arguments.of(
                        "a time limit proves nothing",
                        infeasible(Reason.LIMIT_REACHED, "cpu", List.of(), List.of(service("a", 1000, GI, 0, 1))),
                        ONE_VIM,
                        "another reason than capacity"),
                Arguments.of(
                        "labels, taints or APIs: a new cluster would not change them",
                        infeasible(
                                Reason.SERVICE_FITS_NOWHERE,
                                "cluster",
                                List.of("a"),
                                List.of(service("a", 1, MI, 0, 1))),
                        ONE_VIM,
                        "another reason than capacity"),
                Arguments.of(
                        "no VIM",
                        infeasible(
                                Reason.TOTAL_CAPACITY_SHORT, "cpu", List.of(), List.of(service("a", 1000, GI, 0, 1))),
                        List.of(),
                        "No VIM"),
                Arguments.of(
                        "a replica larger than the largest flavor",
                        infeasible(
                                Reason.SERVICE_FITS_NOWHERE,
                                "cpu",
                                List.of("huge"),
                                List.of(service("huge", 40_000, GI, 0, 1))),
                        ONE_VIM,
                        "larger than the largest worker flavor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void suggestsNothingWhenNoClusterWouldHelp(String name, Plan plan, List<Vim> vims, String why) {
        Advice advice = ClusterSizing.advise(plan, OFFERED, vims, List.of());

        assertThat(advice.suggestion()).isEmpty();
        assertThat(advice.message()).contains(why);
        assertThat(refusals().count()).isEqualTo(5);
    }

    @Test
    void picksTheVimOfTheAreaRunningFewestClusters() {
        List<Vim> vims = List.of(vim(1, "busy", 1), vim(2, "quiet", 2), vim(3, "quiet-too", 2));
        List<NfvclCluster> clusters = List.of(
                InfrastructureStoreContract.cluster("OS_K8S_1_aaaaa", 1, NfvclCluster.Status.READY),
                InfrastructureStoreContract.cluster("OS_K8S_2_bbbbb", 2, NfvclCluster.Status.DELETING));
        Plan plan = infeasible(Reason.TOTAL_CAPACITY_SHORT, "cpu", List.of(), List.of(service("a", 100, MI, 0, 1)));

        ClusterSuggestion s =
                ClusterSizing.advise(plan, OFFERED, vims, clusters).suggestion().orElseThrow();

        assertThat(s.vimName())
                .as("area 2 runs only a cluster being deleted; lowest id first")
                .isEqualTo("quiet");
        assertThat(s.popArea()).isEqualTo(2);
        assertThat(s.request().workerFlavor()).contains(s.workerFlavor());
        assertThat(s.request().masterFlavor()).isEmpty();
    }

    @Test
    void aFeasiblePlanNeedsNoCluster() {
        PlacementResult ok = new PlacementResult(
                Termination.OPTIMAL,
                Map.of("a", "c1"),
                new ObjectiveTerms(0, 0, 0, 0),
                0,
                1,
                Duration.ZERO,
                Optional.empty());
        Plan plan = new Plan("g", "p", ok, List.of(service("a", 100, MI, 0, 1)));

        assertThat(ClusterSizing.advise(plan, OFFERED, ONE_VIM, List.of()).suggestion())
                .isEmpty();
    }

    private static Plan infeasible(Reason reason, String resource, List<String> named, List<PlannedService> services) {
        PlacementResult result = new PlacementResult(
                reason == Reason.LIMIT_REACHED ? Termination.LIMIT_REACHED : Termination.INFEASIBLE,
                Map.of(),
                null,
                Double.NaN,
                0,
                Duration.ZERO,
                Optional.of(new Explanation(reason, named, resource, List.of(), "short")));
        return new Plan("g", "p", result, services);
    }

    private static PlannedService service(String name, long cpuMillis, long memory, int gpus, int replicas) {
        return new PlannedService(
                name, null, replicas, new ResourceRequest(cpuMillis, memory, 0, gpus), Map.of(), List.of(), false);
    }

    private static Vim vim(long id, String name, int area) {
        Vim v = InfrastructureStoreContract.vim(name, area);
        return new Vim(
                id,
                v.name(),
                v.nfvclName(),
                v.popArea(),
                v.url(),
                v.user(),
                v.networks(),
                v.insecure(),
                v.useFloatingIp(),
                null,
                null);
    }
}
