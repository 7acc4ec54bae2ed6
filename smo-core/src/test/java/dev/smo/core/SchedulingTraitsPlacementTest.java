package dev.smo.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.SchedulingTraits.Taint;
import dev.smo.core.local.InMemoryGraphStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Karmada's scheduler checks besides total capacity restricts placement: a replica must fit on one node, and
 * an untolerated NoSchedule/NoExecute taint excludes a cluster; GPUs are requested under the chosen cluster's own
 * resource name.
 */
class SchedulingTraitsPlacementTest {

    private static final long GIB = 1L << 30;

    /** One medium service (4 CPUs, 2 GiB per replica); without traits the optimizer prefers the big cluster. */
    private static final String MEDIUM = """
            hdaGraph:
              id: sized
              services:
                - id: app
                  artifact: {ociImage: oci://registry:5000/test/app}
                  deployment: {intent: {compute: {cpu: medium, ram: medium}}}
            """;

    private static final String GPU = """
            hdaGraph:
              id: gpu
              services:
                - id: detect
                  artifact: {ociImage: oci://registry:5000/test/detect, valuesOverwrite: {gpu: {enabled: true}}}
                  deployment: {intent: {compute: {cpu: light, ram: light, gpu: {enabled: true, count: 1}}}}
            """;

    @Test
    void withoutTraitsTheBigClusterIsChosen() {
        assertThat(placeApp(MEDIUM, big(SchedulingTraits.NONE), small())).isEqualTo("big");
    }

    @Test
    void aPodLargerThanAnyNodeIsNotPlacedOnAClusterWhoseTotalWouldFitIt() {
        // big: 64 CPUs in total, but its fullest resource-model grade with a free node takes 2 CPUs per pod.
        var twoCpuNodes = new SchedulingTraits(2_000, 64 * GIB, List.of(), null);
        assertThat(placeApp(MEDIUM, big(twoCpuNodes), small())).isEqualTo("small");
    }

    @Test
    void aPodThatFitsNoNodeAnywhereIsNotPlaced() {
        var tiny = new SchedulingTraits(1_000, GIB, List.of(), null);
        assertThat(placeApp(MEDIUM, big(tiny), small().withTraits(tiny))).isNull();
    }

    @Test
    void aDeployToATaintedClusterIsNotPlannedThere() {
        var notReady = new SchedulingTraits(
                Long.MAX_VALUE,
                Long.MAX_VALUE,
                List.of(new Taint("cluster.karmada.io/not-ready", null, "NoSchedule")),
                null);
        assertThat(placeApp(MEDIUM, big(notReady), small())).isEqualTo("small");
    }

    static Stream<Arguments> podRoom() {
        return Stream.of(
                // big's free pods, replicas of the app, where it goes
                Arguments.of(0L, 1, "small"),
                Arguments.of(2L, 3, "small"),
                Arguments.of(3L, 3, "big"),
                Arguments.of(Long.MAX_VALUE, 3, "big"));
    }

    @ParameterizedTest(name = "{0} free pods, {1} replicas: {2}")
    @MethodSource("podRoom")
    void aClusterWithoutRoomForTheReplicasPodsIsNoCandidate(long freePods, int replicas, String expected) {
        var traits = SchedulingTraits.NONE.withFreePods(freePods);
        try (Orchestrator smo = orchestrator(big(traits), ClusterInfo.of("small", 32_000, 32 * GIB, 0))) {
            Plan plan = smo.plan("p", smo.parse(MEDIUM), Map.of(), Map.of("app", replicas));
            assertThat(plan.placement().assignment()).containsEntry("app", expected);
        }
    }

    @Test
    void aPreferNoScheduleTaintDoesNotExclude() {
        var prefer = new SchedulingTraits(
                Long.MAX_VALUE, Long.MAX_VALUE, List.of(new Taint("maintenance", "soon", "PreferNoSchedule")), null);
        assertThat(placeApp(MEDIUM, big(prefer), small())).isEqualTo("big");
    }

    @Test
    void aRunningServiceStaysOnANoScheduleClusterAndLeavesANoExecuteOne() {
        var inventory = new Fixtures.MutableInventory(false, big(SchedulingTraits.NONE), small());
        try (Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(inventory)
                .build()) {
            assertThat(smo.deployDescriptor("p", MEDIUM).placement()).containsEntry("app", "big");
            // Karmada skips its taint filter for clusters already in the scheduling result; its own pods also
            // hold node room the models no longer show as free, so neither moves it.
            inventory.set(
                    big(new SchedulingTraits(0, 0, List.of(new Taint("maintenance", null, "NoSchedule")), null)),
                    small());
            assertThat(smo.replace("sized").placement()).containsEntry("app", "big");
            // The taint manager evicts for NoExecute.
            inventory.set(
                    big(new SchedulingTraits(
                            Long.MAX_VALUE,
                            Long.MAX_VALUE,
                            List.of(new Taint("cluster.karmada.io/unreachable", null, "NoExecute")),
                            null)),
                    small());
            assertThat(smo.replace("sized").placement()).containsEntry("app", "small");
        }
    }

    @Test
    void anAmdClusterGetsAmdGpusInTheValues() {
        var amd = new SchedulingTraits(Long.MAX_VALUE, Long.MAX_VALUE, List.of(), "amd.com/gpu");
        try (Orchestrator smo = orchestrator(
                ClusterInfo.of("amd", 16_000, 64 * GIB, 2).withTraits(amd),
                ClusterInfo.of("cpu-only", 64_000, 256 * GIB, 0))) {
            StoredGraph graph = smo.deployDescriptor("p", GPU);
            StoredService detect = graph.service("detect").orElseThrow();
            assertThat(detect.cluster()).isEqualTo("amd");
            assertThat(detect.values())
                    .extractingByKey("resources")
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .extractingByKey("limits")
                    .isEqualTo(Map.of("cpu", "500m", "memory", "500Mi", "amd.com/gpu", 1));
            assertThat(detect.values())
                    .extractingByKey("gpu")
                    .isEqualTo(Map.of("enabled", true, "resource", "amd.com/gpu"));
        }
    }

    /** The medium service tolerating what its values' clusterTolerations say. */
    private static String tolerating(String tolerations) {
        return MEDIUM.replace(
                "artifact: {ociImage: oci://registry:5000/test/app}",
                "artifact: {ociImage: oci://registry:5000/test/app, valuesOverwrite: {clusterTolerations: "
                        + tolerations + "}}");
    }

    static Stream<Arguments> tolerations() {
        var dedicated = new Taint("dedicated", "gpu", "NoSchedule");
        var unreachable = new Taint("cluster.karmada.io/unreachable", null, "NoExecute");
        return Stream.of(
                // tolerations, taint on big, where the app goes
                Arguments.of("[]", dedicated, "small"),
                Arguments.of("[{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]", dedicated, "big"),
                Arguments.of("[{key: dedicated, value: gpu}]", dedicated, "big"),
                Arguments.of("[{key: dedicated, operator: Equal, value: cpu}]", dedicated, "small"),
                Arguments.of("[{key: dedicated, operator: Exists}]", dedicated, "big"),
                Arguments.of("[{key: dedicated, operator: Exists, effect: NoExecute}]", dedicated, "small"),
                Arguments.of("[{operator: Exists}]", dedicated, "big"),
                Arguments.of("[{key: other, operator: Exists}]", dedicated, "small"),
                Arguments.of("[{key: cluster.karmada.io/unreachable, operator: Exists}]", unreachable, "big"),
                Arguments.of("[{operator: Exists, effect: NoSchedule}]", unreachable, "small"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("tolerations")
    void aTaintKeepsTheServiceAwayUnlessItsValuesTolerateIt(String tolerations, Taint taint, String expected) {
        var tainted = new SchedulingTraits(Long.MAX_VALUE, Long.MAX_VALUE, List.of(taint), null);
        assertThat(placeApp(tolerating(tolerations), big(tainted), small())).isEqualTo(expected);
    }

    /** A client calling a server, as Karmada's multi-cluster services or Lighthouse would connect them. */
    private static final String CALLED = """
            hdaGraph:
              id: called
              services:
                - id: app
                  artifact: {ociImage: oci://registry:5000/test/app}
                  deployment: {intent: {compute: {cpu: medium, ram: medium}}}
                - id: client
                  artifact: {ociImage: oci://registry:5000/test/client}
                  deployment: {intent: {compute: {cpu: light, ram: light}, connectionPoints: [app]}}
            """;

    static Stream<Arguments> apiEnablements() {
        Set<String> both =
                Set.of(SchedulingTraits.SERVICE_EXPORT, SchedulingTraits.SERVICE_IMPORT, "apps/v1/Deployment");
        return Stream.of(
                // APIs big serves (empty: unknown), the service, where it goes
                Arguments.of(Set.of(), "app", "big"),
                Arguments.of(both, "app", "big"),
                // A called service needs ServiceExport where it runs.
                Arguments.of(Set.of("apps/v1/Deployment", SchedulingTraits.SERVICE_IMPORT), "app", "small"),
                // With Karmada's multi-cluster services a client needs ServiceImport where it runs.
                Arguments.of(Set.of("apps/v1/Deployment", SchedulingTraits.SERVICE_EXPORT), "client", "small"),
                // ... and the app follows it rather than cut their edge.
                Arguments.of(Set.of("apps/v1/Deployment", SchedulingTraits.SERVICE_EXPORT), "app", "small"));
    }

    @ParameterizedTest(name = "{0}: {1} on {2}")
    @MethodSource("apiEnablements")
    void aClusterWithoutAnApiTheServiceNeedsIsNoCandidate(Set<String> apis, String service, String expected) {
        var traits = new SchedulingTraits(Long.MAX_VALUE, Long.MAX_VALUE, List.of(), null, apis);
        // The client would join the app on big (a cut edge costs), unless big cannot take it.
        try (Orchestrator smo = orchestrator(big(traits), small())) {
            assertThat(smo.deployDescriptor("p", CALLED).placement()).containsEntry(service, expected);
        }
    }

    static Stream<Arguments> gpuVendors() {
        return Stream.of(
                // the intent's vendor, where the GPU service goes (nv: nvidia.com/gpu, amd: amd.com/gpu,
                // intel: gpu.intel.com/i915, plain: names no resource, so nvidia.com/gpu is requested)
                Arguments.of("", "amd"),
                Arguments.of(", vendor: any", "amd"),
                Arguments.of(", vendor: nvidia", "nv"),
                Arguments.of(", vendor: AMD", "amd"),
                Arguments.of(", vendor: intel", "intel"));
    }

    @ParameterizedTest(name = "vendor{0} on {1}")
    @MethodSource("gpuVendors")
    void aGpuVendorInTheIntentRestrictsTheClusters(String vendor, String expected) {
        String yaml = GPU.replace("gpu: {enabled: true, count: 1}", "gpu: {enabled: true, count: 1" + vendor + "}");
        // amd has the most headroom, so it wins when any vendor will do.
        try (Orchestrator smo = orchestrator(
                gpuCluster("nv", 16_000, "nvidia.com/gpu"),
                gpuCluster("amd", 64_000, "amd.com/gpu"),
                gpuCluster("intel", 16_000, "gpu.intel.com/i915"))) {
            StoredService detect =
                    smo.deployDescriptor("p", yaml).service("detect").orElseThrow();
            assertThat(detect.cluster()).isEqualTo(expected);
        }
    }

    static Stream<Arguments> mixedGpus() {
        return Stream.of(
                // the intent's GPUs, where detect goes, the resource its values request (mixed: 1 NVIDIA and 4 AMD
                // GPUs free, the most headroom; nv: 2 NVIDIA GPUs)
                Arguments.of("count: 1", "mixed", "amd.com/gpu"),
                Arguments.of("count: 3", "mixed", "amd.com/gpu"),
                Arguments.of("count: 1, vendor: amd", "mixed", "amd.com/gpu"),
                Arguments.of("count: 1, vendor: nvidia", "mixed", "nvidia.com/gpu"),
                // The mixed cluster's 4 GPUs are AMD's: 2 NVIDIA GPUs are only on nv.
                Arguments.of("count: 2, vendor: nvidia", "nv", "nvidia.com/gpu"),
                Arguments.of("count: 3, vendor: nvidia", null, null));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("mixedGpus")
    void onAClusterWithSeveralVendorsANamedVendorCountsOnlyItsOwnGpus(String gpu, String expected, String resource) {
        String yaml = GPU.replace("gpu: {enabled: true, count: 1}", "gpu: {enabled: true, " + gpu + "}");
        var mixed = ClusterInfo.of("mixed", 64_000, 256 * GIB, 4)
                .withTraits(new SchedulingTraits(
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        List.of(),
                        "amd.com/gpu",
                        Set.of(),
                        Map.of("nvidia.com/gpu", 1, "amd.com/gpu", 4)));
        try (Orchestrator smo = orchestrator(mixed, gpuCluster("nv", 16_000, "nvidia.com/gpu"))) {
            StoredService detect;
            try {
                detect = smo.deployDescriptor("p", yaml).service("detect").orElseThrow();
            } catch (RuntimeException unplaceable) {
                assertThat(expected).as(unplaceable.getMessage()).isNull();
                return;
            }
            assertThat(detect.cluster()).isEqualTo(expected);
            assertThat(detect.values()).extractingByKey("gpu").isEqualTo(Map.of("enabled", true, "resource", resource));
        }
    }

    @Test
    void aClusterNamingNoGpuResourceCountsAsNvidia() {
        String yaml = GPU.replace("gpu: {enabled: true, count: 1}", "gpu: {enabled: true, count: 1, vendor: amd}");
        assertThat(placeApp(yaml.replace("- id: detect", "- id: app"), ClusterInfo.of("plain", 64_000, 64 * GIB, 4)))
                .isNull();
        assertThat(placeApp(
                        yaml.replace("vendor: amd", "vendor: nvidia").replace("- id: detect", "- id: app"),
                        ClusterInfo.of("plain", 64_000, 64 * GIB, 4)))
                .isEqualTo("plain");
    }

    static Stream<Arguments> clusterLabels() {
        return Stream.of(
                // the labels the values require, where the app goes (big: region=brussels, tier=edge; small: none)
                Arguments.of("{}", "big"),
                Arguments.of("{region: brussels}", "big"),
                Arguments.of("{region: brussels, tier: edge}", "big"),
                Arguments.of("{region: leuven}", null),
                Arguments.of("{region: brussels, tier: cloud}", null),
                // A list accepts any of its values (Karmada's matchExpressions, operator In).
                Arguments.of("{region: [leuven, brussels]}", "big"),
                Arguments.of("{region: [leuven, antwerp]}", null),
                Arguments.of("{region: [brussels], tier: [cloud, edge]}", "big"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("clusterLabels")
    void requiredClusterLabelsRestrictThePlacement(String labels, String expected) {
        String yaml = MEDIUM.replace(
                "artifact: {ociImage: oci://registry:5000/test/app}",
                "artifact: {ociImage: oci://registry:5000/test/app, valuesOverwrite: {clusterLabels: " + labels + "}}");
        var labelled = new ClusterInfo(
                "big", true, 64_000, 256 * GIB, 0, Map.of("region", "brussels", "tier", "edge"), null, null);
        // small has room too but carries no labels; nothing else can take a labelled app.
        assertThat(placeApp(yaml, small(), labelled)).isEqualTo(expected);
    }

    private static ClusterInfo gpuCluster(String name, long cpuMillis, String resource) {
        return ClusterInfo.of(name, cpuMillis, 64 * GIB, 2)
                .withTraits(new SchedulingTraits(Long.MAX_VALUE, Long.MAX_VALUE, List.of(), resource));
    }

    private static ClusterInfo big(SchedulingTraits traits) {
        return ClusterInfo.of("big", 64_000, 256 * GIB, 0).withTraits(traits);
    }

    private static ClusterInfo small() {
        return ClusterInfo.of("small", 8_000, 16 * GIB, 0);
    }

    private static String placeApp(String yaml, ClusterInfo... clusters) {
        try (Orchestrator smo = orchestrator(clusters)) {
            try {
                return smo.deployDescriptor("p", yaml).placement().get("app");
            } catch (RuntimeException unplaceable) {
                return null;
            }
        }
    }

    private static Orchestrator orchestrator(ClusterInfo... clusters) {
        return Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new Fixtures.MutableInventory(false, clusters))
                .build();
    }
}
