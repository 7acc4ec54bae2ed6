package dev.smo.karmada.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.smo.core.ClusterInfo;
import dev.smo.core.SchedulingTraits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterStatusReaderTest {

    private static final long GI = 1L << 30;

    private static Map<String, Object> cluster(Object status) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("metadata", Map.of("name", "edge-1", "labels", Map.of("region", "brussels")));
        if (status != null) {
            cluster.put("status", status);
        }
        return cluster;
    }

    private static Map<String, Object> ready(Map<String, Object> summary) {
        return Map.of(
                "conditions",
                List.of(Map.of("type", "Ready", "status", "True", "reason", "ClusterReady")),
                "resourceSummary",
                summary);
    }

    static Stream<Arguments> capacities() {
        return Stream.of(
                arguments(
                        Named.of("allocatable only", Map.of("allocatable", Map.of("cpu", "3800m", "memory", "15Gi"))),
                        3800L,
                        15 * GI,
                        0),
                arguments(
                        Named.of(
                                "allocatable minus allocated",
                                Map.of(
                                        "allocatable", Map.of("cpu", "8", "memory", "32Gi"),
                                        "allocated", Map.of("cpu", "1.5", "memory", "4Gi"))),
                        6500L,
                        28 * GI,
                        0),
                arguments(
                        Named.of(
                                "allocating is also subtracted",
                                Map.of(
                                        "allocatable", Map.of("cpu", "8", "memory", "32Gi"),
                                        "allocated", Map.of("cpu", "2", "memory", "8Gi"),
                                        "allocating", Map.of("cpu", "500m", "memory", "1Gi"))),
                        5500L,
                        23 * GI,
                        0),
                arguments(
                        Named.of(
                                "nvidia and amd GPUs: a pod takes one vendor's, the one with most free",
                                Map.of(
                                        "allocatable",
                                                Map.of(
                                                        "cpu",
                                                        "16",
                                                        "memory",
                                                        "64Gi",
                                                        "nvidia.com/gpu",
                                                        "4",
                                                        "amd.com/gpu",
                                                        "2"),
                                        "allocated", Map.of("nvidia.com/gpu", "1"))),
                        16000L,
                        64 * GI,
                        3),
                arguments(
                        Named.of(
                                "intel GPUs",
                                Map.of("allocatable", Map.of("cpu", "4", "memory", "8Gi", "gpu.intel.com/i915", "1"))),
                        4000L,
                        8 * GI,
                        1),
                arguments(
                        Named.of(
                                "intel shared-use amounts are not GPUs",
                                Map.of(
                                        "allocatable",
                                        Map.of(
                                                "cpu", "4",
                                                "memory", "8Gi",
                                                "gpu.intel.com/xe", "2",
                                                "gpu.intel.com/millicores", "2000",
                                                "gpu.intel.com/memory.max", "2147483647",
                                                "gpu.intel.com/tiles", "4"))),
                        4000L,
                        8 * GI,
                        2),
                arguments(
                        Named.of(
                                "overcommitted clamps to zero",
                                Map.of(
                                        "allocatable", Map.of("cpu", "2", "memory", "4Gi", "nvidia.com/gpu", "1"),
                                        "allocated", Map.of("cpu", "3", "memory", "5Gi", "nvidia.com/gpu", "2"))),
                        0L,
                        0L,
                        0),
                arguments(Named.of("zero", Map.of("allocatable", Map.of("cpu", "0", "memory", "0"))), 0L, 0L, 0),
                arguments(
                        Named.of(
                                "malformed quantity gives zero capacity",
                                Map.of("allocatable", Map.of("cpu", "lots", "memory", "15Gi"))),
                        0L,
                        0L,
                        0),
                arguments(Named.of("summary not an object", Map.of("allocatable", "everything")), 0L, 0L, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capacities")
    void readFreeCapacity(Map<String, Object> summary, long cpuMillis, long memoryBytes, int gpus) {
        ClusterInfo info = ClusterStatusReader.read(cluster(ready(summary)));

        assertThat(info.cpuMillis()).isEqualTo(cpuMillis);
        assertThat(info.memoryBytes()).isEqualTo(memoryBytes);
        assertThat(info.gpus()).isEqualTo(gpus);
        assertThat(info.labels()).containsEntry("region", "brussels");
        assertThat(info.podCidr()).isNull();
    }

    static Stream<Arguments> readiness() {
        return Stream.of(
                arguments(Named.of("type Ready, True", List.of(Map.of("type", "Ready", "status", "True"))), true),
                arguments(
                        Named.of(
                                "reason ClusterReady (the original's match)",
                                List.of(Map.of("type", "Healthy", "reason", "ClusterReady", "status", "True"))),
                        true),
                arguments(
                        Named.of(
                                "type Ready, False",
                                List.of(Map.of("type", "Ready", "status", "False", "reason", "ClusterNotReachable"))),
                        false),
                arguments(
                        Named.of("type Ready, Unknown", List.of(Map.of("type", "Ready", "status", "Unknown"))), false),
                arguments(
                        Named.of(
                                "other conditions only",
                                List.of(Map.of("type", "CompleteAPIEnablements", "status", "True"))),
                        false),
                arguments(Named.of("no conditions", List.of()), false),
                arguments(Named.of("conditions not a list", "Ready"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readiness")
    void readReadiness(Object conditions, boolean ready) {
        Map<String, Object> status = Map.of("conditions", conditions);

        assertThat(ClusterStatusReader.read(cluster(status)).ready()).isEqualTo(ready);
    }

    @Test
    void clusterWithoutStatusIsListedNotReadyWithZeroCapacity() {
        ClusterInfo info = ClusterStatusReader.read(cluster(null));

        assertThat(info).isEqualTo(new ClusterInfo("edge-1", false, 0, 0, 0, Map.of("region", "brussels"), null, null));
    }

    private static Map<String, Object> modelled(List<Object> ranges1, int grade0Nodes, int grade1Nodes) {
        Map<String, Object> cluster = cluster(ready(Map.of(
                "allocatable",
                Map.of("cpu", "16", "memory", "64Gi"),
                "allocatableModelings",
                List.of(Map.of("grade", 0, "count", grade0Nodes), Map.of("grade", 1, "count", grade1Nodes)))));
        cluster.put(
                "spec",
                Map.of(
                        "resourceModels",
                        List.of(
                                Map.of(
                                        "grade",
                                        0,
                                        "ranges",
                                        List.of(
                                                Map.of("name", "cpu", "min", "0", "max", "2"),
                                                Map.of("name", "memory", "min", "0", "max", "8Gi"))),
                                Map.of("grade", 1, "ranges", ranges1)),
                        "taints",
                        List.of(Map.of("key", "cluster.karmada.io/unreachable", "effect", "NoExecute"))));
        return cluster;
    }

    private static final List<Object> GRADE_1 = List.of(
            Map.of("name", "cpu", "min", "2", "max", "8"), Map.of("name", "memory", "min", "8Gi", "max", "32Gi"));

    @Test
    void largestPodIsTheMinimumOfTheHighestGradeThatHasANode() {
        ClusterInfo info = ClusterStatusReader.read(modelled(GRADE_1, 4, 1));

        assertThat(info.traits().maxPodCpuMillis()).isEqualTo(2_000);
        assertThat(info.traits().maxPodMemoryBytes()).isEqualTo(8 * GI);
        assertThat(info.traits().taints())
                .containsExactly(new SchedulingTraits.Taint("cluster.karmada.io/unreachable", null, "NoExecute"));
    }

    @Test
    void onlyTheLowestGradeHasNodesSoNothingAboveItsMinimumFits() {
        ClusterInfo info = ClusterStatusReader.read(modelled(GRADE_1, 4, 0));

        assertThat(info.traits().maxPodCpuMillis()).isZero();
        assertThat(info.traits().fitsOnOneNode(1, 1)).isFalse();
        assertThat(info.traits().fitsOnOneNode(0, 0)).isTrue();
    }

    @Test
    void modelsWithoutMemoryLeaveNoPerNodeLimitAsKarmadaFallsBackToTheTotals() {
        ClusterInfo info =
                ClusterStatusReader.read(modelled(List.of(Map.of("name", "cpu", "min", "2", "max", "8")), 4, 1));

        assertThat(info.traits().maxPodCpuMillis()).isEqualTo(Long.MAX_VALUE);
        assertThat(info.traits().maxPodMemoryBytes()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void apiEnablementsBecomeGroupVersionKinds() {
        Map<String, Object> status = new LinkedHashMap<>(ready(Map.of("allocatable", Map.of("cpu", "4"))));
        status.put(
                "apiEnablements",
                List.of(
                        Map.of(
                                "groupVersion",
                                "v1",
                                "resources",
                                List.of(
                                        Map.of("name", "services", "kind", "Service"),
                                        Map.of("name", "pods", "kind", "Pod"))),
                        Map.of(
                                "groupVersion",
                                "multicluster.x-k8s.io/v1alpha1",
                                "resources",
                                List.of(Map.of("name", "serviceexports", "kind", "ServiceExport"))),
                        Map.of("resources", List.of(Map.of("name", "orphans", "kind", "Orphan")))));
        SchedulingTraits traits = ClusterStatusReader.read(cluster(status)).traits();

        assertThat(traits.apis())
                .containsExactlyInAnyOrder("v1/Service", "v1/Pod", "multicluster.x-k8s.io/v1alpha1/ServiceExport");
        assertThat(traits.serves(SchedulingTraits.SERVICE_EXPORT)).isTrue();
        assertThat(traits.serves(SchedulingTraits.SERVICE_IMPORT)).isFalse();
        // A cluster that reports no enablements is assumed to serve everything.
        assertThat(ClusterStatusReader.read(cluster(ready(Map.of()))).traits().serves(SchedulingTraits.SERVICE_IMPORT))
                .isTrue();
    }

    @Test
    void eachVendorsGpusAreCountedApartAndTheMostFreeNamesTheCluster() {
        SchedulingTraits traits = ClusterStatusReader.read(cluster(ready(Map.of(
                        "allocatable",
                        Map.of(
                                "cpu", "16",
                                "memory", "64Gi",
                                "nvidia.com/gpu", "4",
                                "amd.com/gpu", "2",
                                "gpu.intel.com/millicores", "2000"),
                        "allocated",
                        Map.of("nvidia.com/gpu", "3")))))
                .traits();

        assertThat(traits.gpuCounts()).isEqualTo(Map.of("nvidia.com/gpu", 1, "amd.com/gpu", 2));
        assertThat(traits.gpuResource()).isEqualTo("amd.com/gpu");
        assertThat(traits.gpuResourceFor(dev.smo.model.Gpu.of(1))).isEqualTo("amd.com/gpu");
        assertThat(traits.gpuResourceFor(new dev.smo.model.Gpu(true, 1, "nvidia", Map.of())))
                .isEqualTo("nvidia.com/gpu");
        assertThat(traits.gpuResourceFor(new dev.smo.model.Gpu(true, 1, "intel", Map.of())))
                .isNull();
    }

    @Test
    void podRoomIsAllocatableLessAllocatedAndAllocatingPods() {
        SchedulingTraits traits = ClusterStatusReader.read(cluster(ready(Map.of(
                        "allocatable", Map.of("cpu", "16", "memory", "64Gi", "pods", "110"),
                        "allocated", Map.of("pods", "100"),
                        "allocating", Map.of("pods", "7")))))
                .traits();
        assertThat(traits.freePods()).isEqualTo(3);
        // No pods in the summary: no limit.
        assertThat(ClusterStatusReader.read(cluster(ready(Map.of("allocatable", Map.of("cpu", "4")))))
                        .traits()
                        .freePods())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void clusterWithoutNameIsSkipped() {
        assertThat(ClusterStatusReader.read(Map.of("metadata", Map.of()))).isNull();
    }
}
