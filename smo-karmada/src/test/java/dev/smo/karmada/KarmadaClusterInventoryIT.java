package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ClusterInfo;
import dev.smo.core.ClusterInventoryException;
import dev.smo.core.SchedulingTraits;
import io.kubernetes.client.openapi.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KarmadaClusterInventoryIT {

    private static final long GI = 1L << 30;
    private static final String CLUSTERS_PATH = "/apis/cluster.karmada.io/v1alpha1/clusters";

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private KarmadaConfig config;

    @BeforeEach
    void startMock() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        config = KarmadaConfig.of(mock.kubeconfig()).withHelm(HelmOptions.DEFAULT.withRetry(RetryPolicy.NONE));
        karmada.createNamespace(FakeKarmada.BROKER_NAMESPACE);
    }

    @AfterEach
    void stopMock() {
        mock.close();
    }

    @Test
    void listClustersWithFreeCapacityGpusLabelsAndCidrs() throws Exception {
        karmada.addMember(new FakeKarmada.Member(
                "edge-brussels",
                true,
                Map.of("cpu", "3800m", "memory", "15Gi", "nvidia.com/gpu", "2"),
                Map.of("cpu", "1200m", "memory", "3Gi", "nvidia.com/gpu", "1"),
                Map.of("location", "brussels")));
        karmada.addMember(FakeKarmada.Member.ready("cloud-athens", "16", "64Gi"));
        karmada.joinBroker("edge-brussels", "10.10.0.0/16", "10.110.0.0/16");
        karmada.joinBroker("cloud-athens", "10.20.0.0/16", "10.120.0.0/16");

        List<ClusterInfo> clusters = Karmada.connect(config, mock.apiClient(), mock.apiClient())
                .inventory()
                .clusters();

        assertThat(clusters)
                .containsExactly(
                        new ClusterInfo(
                                        "cloud-athens",
                                        true,
                                        16_000,
                                        64 * GI,
                                        0,
                                        Map.of(),
                                        "10.20.0.0/16",
                                        "10.120.0.0/16")
                                .withTraits(new SchedulingTraits(
                                                Long.MAX_VALUE,
                                                Long.MAX_VALUE,
                                                List.of(),
                                                null,
                                                FakeKarmada.MEMBER_APIS)
                                        .withFreePods(110)),
                        new ClusterInfo(
                                        "edge-brussels",
                                        true,
                                        2_600,
                                        12 * GI,
                                        1,
                                        Map.of("location", "brussels"),
                                        "10.10.0.0/16",
                                        "10.110.0.0/16")
                                .withTraits(new SchedulingTraits(
                                        Long.MAX_VALUE,
                                        Long.MAX_VALUE,
                                        List.of(),
                                        "nvidia.com/gpu",
                                        FakeKarmada.MEMBER_APIS,
                                        Map.of("nvidia.com/gpu", 1))));
    }

    @Test
    void taintsResourceModelsAndGpuVendorAreRead() throws Exception {
        // 32 CPUs in total, but the fullest node with room is in grade 1: [1, 2) CPUs, [4Gi, 16Gi).
        karmada.addMember(
                new FakeKarmada.Member(
                        "edge-amd",
                        true,
                        Map.of("cpu", "32", "memory", "128Gi", "amd.com/gpu", "2", "pods", "110"),
                        Map.of("cpu", "0", "memory", "0"),
                        Map.of()),
                new FakeKarmada.Scheduling(
                        List.of(Map.of("key", "cluster.karmada.io/not-ready", "effect", "NoSchedule")), List.of(5, 3)));
        karmada.addMember(
                new FakeKarmada.Member(
                        "edge-intel",
                        true,
                        Map.of(
                                "cpu", "8",
                                "memory", "32Gi",
                                "gpu.intel.com/i915", "2",
                                "gpu.intel.com/millicores", "2000",
                                "gpu.intel.com/memory.max", "17179869184",
                                "gpu.intel.com/tiles", "2"),
                        Map.of("cpu", "0", "memory", "0", "gpu.intel.com/i915", "1"),
                        Map.of()),
                FakeKarmada.Scheduling.NONE);

        List<ClusterInfo> clusters =
                Karmada.connect(config, mock.apiClient(), null).inventory().clusters();

        assertThat(clusters)
                .extracting(ClusterInfo::name, ClusterInfo::gpus, ClusterInfo::traits)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "edge-amd",
                                2,
                                new SchedulingTraits(
                                        1_000,
                                        4 * GI,
                                        List.of(new SchedulingTraits.Taint(
                                                "cluster.karmada.io/not-ready", null, "NoSchedule")),
                                        "amd.com/gpu",
                                        FakeKarmada.MEMBER_APIS,
                                        Map.of("amd.com/gpu", 2),
                                        110)),
                        org.assertj.core.groups.Tuple.tuple(
                                "edge-intel",
                                1,
                                new SchedulingTraits(
                                        Long.MAX_VALUE,
                                        Long.MAX_VALUE,
                                        List.of(),
                                        "gpu.intel.com/i915",
                                        FakeKarmada.MEMBER_APIS,
                                        Map.of("gpu.intel.com/i915", 1))));
    }

    @Test
    void connectFromKubeconfigFiles() throws Exception {
        karmada.addMember(FakeKarmada.Member.ready("edge-1", "4", "8Gi"));
        karmada.joinBroker("edge-1", "10.1.0.0/16", "10.96.0.0/12");

        var connected = Karmada.connect(config.withSubmariner(mock.kubeconfig()));

        assertThat(connected.inventory().clusters())
                .singleElement()
                .returns("10.1.0.0/16", ClusterInfo::podCidr)
                .returns(4000L, ClusterInfo::cpuMillis);
    }

    @Test
    void clusterMissingFromBrokerHasNullCidrs() throws Exception {
        karmada.addMember(FakeKarmada.Member.ready("edge-1", "4", "8Gi"));
        karmada.addMember(FakeKarmada.Member.ready("edge-2", "4", "8Gi"));
        karmada.joinBroker("edge-1", "10.1.0.0/16", "10.96.0.0/12");

        List<ClusterInfo> clusters = Karmada.connect(config, mock.apiClient(), mock.apiClient())
                .inventory()
                .clusters();

        assertThat(clusters)
                .extracting(ClusterInfo::name, ClusterInfo::podCidr, ClusterInfo::serviceCidr)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("edge-1", "10.1.0.0/16", "10.96.0.0/12"),
                        org.assertj.core.groups.Tuple.tuple("edge-2", null, null));
    }

    @Test
    void aSubmarinerClusterIdOtherThanTheKarmadaNameIsMatchedThroughTheLabel() throws Exception {
        // Joined to Karmada as edge-1, to Submariner (subctl join --clusterid) as brussels-1.
        karmada.addMember(new FakeKarmada.Member(
                "edge-1",
                true,
                Map.of("cpu", "4", "memory", "8Gi"),
                Map.of(),
                Map.of("smo.dev/submariner-cluster-id", "brussels-1")));
        // Joined to Submariner as edge-2 too, but it is not what Karmada calls edge-2.
        karmada.addMember(new FakeKarmada.Member(
                "edge-2",
                true,
                Map.of("cpu", "4", "memory", "8Gi"),
                Map.of(),
                Map.of("smo.dev/submariner-cluster-id", "leuven-1")));
        karmada.joinBroker("brussels-1", "10.1.0.0/16", "10.96.0.0/12");
        karmada.joinBroker("edge-2", "10.2.0.0/16", "10.97.0.0/12");

        List<ClusterInfo> clusters = Karmada.connect(config, mock.apiClient(), mock.apiClient())
                .inventory()
                .clusters();

        assertThat(clusters)
                .extracting(ClusterInfo::name, ClusterInfo::podCidr, ClusterInfo::serviceCidr)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("edge-1", "10.1.0.0/16", "10.96.0.0/12"),
                        org.assertj.core.groups.Tuple.tuple("edge-2", null, null));
    }

    @Test
    void withoutSubmarinerClustersHaveNoCidrs() throws Exception {
        karmada.addMember(FakeKarmada.Member.ready("edge-1", "4", "8Gi"));
        karmada.joinBroker("edge-1", "10.1.0.0/16", "10.96.0.0/12");

        List<ClusterInfo> clusters =
                Karmada.connect(config, mock.apiClient(), null).inventory().clusters();

        assertThat(clusters).singleElement().returns(null, ClusterInfo::podCidr).returns(true, ClusterInfo::ready);
    }

    @Test
    void unreadableBrokerGivesNoCidrsButStillListsClusters() throws Exception {
        karmada.addMember(FakeKarmada.Member.ready("edge-1", "4", "8Gi"));
        mock.server()
                .expect()
                .get()
                .withPath("/apis/submariner.io/v1/namespaces/" + FakeKarmada.BROKER_NAMESPACE + "/clusters")
                .andReturn(403, status(403, "Forbidden", "clusters.submariner.io is forbidden"))
                .always();

        List<ClusterInfo> clusters = Karmada.connect(config, mock.apiClient(), mock.apiClient())
                .inventory()
                .clusters();

        assertThat(clusters).singleElement().returns(null, ClusterInfo::serviceCidr);
    }

    @Test
    void malformedAndPartialStatusesStillListed() throws Exception {
        karmada.addRawMember("no-status", Map.of(), null);
        karmada.addRawMember(
                "no-summary",
                Map.of(),
                Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "ClusterReady"))));
        karmada.addRawMember(
                "garbage-quantities",
                Map.of(),
                Map.of(
                        "conditions", List.of(Map.of("type", "Ready", "status", "True")),
                        "resourceSummary", Map.of("allocatable", Map.of("cpu", "a lot", "memory", "15Gi"))));
        karmada.addRawMember("status-is-a-string", Map.of(), "broken");
        karmada.addMember(
                new FakeKarmada.Member("unreachable", false, Map.of("cpu", "4", "memory", "8Gi"), Map.of(), Map.of()));

        List<ClusterInfo> clusters =
                Karmada.connect(config, mock.apiClient(), null).inventory().clusters();

        assertThat(clusters)
                .extracting(ClusterInfo::name, ClusterInfo::ready, ClusterInfo::cpuMillis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("garbage-quantities", true, 0L),
                        org.assertj.core.groups.Tuple.tuple("no-status", false, 0L),
                        org.assertj.core.groups.Tuple.tuple("no-summary", true, 0L),
                        org.assertj.core.groups.Tuple.tuple("status-is-a-string", false, 0L),
                        org.assertj.core.groups.Tuple.tuple("unreachable", false, 4000L));
    }

    @Test
    void serverErrorSurfacesTheApiServersMessage() {
        mock.server()
                .expect()
                .get()
                .withPath(CLUSTERS_PATH)
                .andReturn(500, status(500, "InternalError", "etcdserver: leader changed"))
                .always();

        assertThatThrownBy(() -> Karmada.connect(config, mock.apiClient(), null)
                        .inventory()
                        .clusters())
                .isInstanceOf(ClusterInventoryException.class)
                .hasMessageContaining("HTTP 500: etcdserver: leader changed");
    }

    @Test
    void transientServerErrorIsRetried() throws Exception {
        karmada.addMember(FakeKarmada.Member.ready("edge-1", "4", "8Gi"));
        mock.server()
                .expect()
                .get()
                .withPath(CLUSTERS_PATH)
                .andReturn(
                        503, status(503, "ServiceUnavailable", "the server is currently unable to handle the request"))
                .once();
        var retrying = config.withHelm(
                HelmOptions.DEFAULT.withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50))));

        assertThat(Karmada.connect(retrying, mock.apiClient(), null).inventory().clusters())
                .extracting(ClusterInfo::name)
                .containsExactly("edge-1");
    }

    @Test
    void slowApiServerTimesOut() {
        mock.server()
                .expect()
                .get()
                .delay(3, TimeUnit.SECONDS)
                .withPath(CLUSTERS_PATH)
                .andReturn(200, Map.of("apiVersion", "v1", "kind", "List", "items", List.of()))
                .always();
        ApiClient impatient = mock.apiClient();
        impatient.setReadTimeout(300);

        assertThatThrownBy(() ->
                        Karmada.connect(config, impatient, null).inventory().clusters())
                .isInstanceOf(ClusterInventoryException.class)
                .hasMessageContaining("SocketTimeoutException");
    }

    @Test
    void unreadableKubeconfig() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.kubeconfig"), ": not yaml : [");

        assertThatThrownBy(() -> Karmada.connect(KarmadaConfig.of(broken)))
                .isInstanceOf(ClusterInventoryException.class)
                .hasMessageContaining("broken.kubeconfig");
    }

    static Map<String, Object> status(int code, String reason, String message) {
        return Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Status",
                "status",
                "Failure",
                "code",
                code,
                "reason",
                reason,
                "message",
                message);
    }
}
