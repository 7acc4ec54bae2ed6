package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphStatus;
import dev.smo.core.Orchestrator;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator on Karmada's inventory and deployer (waiting for Karmada to apply), with {@link FakeKarmada}
 * playing Karmada's scheduler: what Karmada did reaches the service's status and the graph's events. Members:
 * {@code edge-athens} (the largest, but without the MCS API), {@code edge-leuven} (AMD GPUs) and
 * {@code edge-brussels}.
 */
class KarmadaSchedulingIT {

    private static final Path CHARTS = Path.of(System.getProperty("smo.examples.charts", "../smo-examples/charts"))
            .toAbsolutePath()
            .normalize();
    private static final String NS = "brussels";

    /** noise-reduction, called by image-detection (a GPU service when {@code gpu} is set). */
    private static final String GRAPH = """
            hdaGraph:
              id: fidelity
              services:
                - id: noise-reduction
                  artifact: {ociImage: oci://charts.test/noise-reduction}
                  deployment: {intent: {compute: {cpu: light, ram: light}}}
                - id: image-detection
                  artifact: {ociImage: oci://charts.test/image-detection, valuesOverwrite: {gpu: {enabled: GPU}}}
                  deployment:
                    intent:
                      compute: {cpu: light, ram: light, gpu: {enabled: GPU, count: 1}}
                      connectionPoints: [noise-reduction]
            """;

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private ScheduledExecutorService controller;
    private Karmada connection;

    @BeforeEach
    void startMock() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        karmada.addMember(
                FakeKarmada.Member.ready("edge-athens", "64", "256Gi"),
                FakeKarmada.Scheduling.NONE.serving("apps/v1/Deployment", "v1/Service"));
        karmada.addMember(new FakeKarmada.Member(
                "edge-leuven",
                true,
                Map.of("cpu", "16", "memory", "64Gi", "pods", "110", "amd.com/gpu", "2"),
                Map.of("cpu", "0", "memory", "0"),
                Map.of()));
        karmada.addMember(FakeKarmada.Member.ready("edge-brussels", "8", "32Gi"));
        controller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-karmada-controller");
            t.setDaemon(true);
            return t;
        });
        connection = Karmada.connect(
                KarmadaConfig.of(mock.kubeconfig())
                        .withHelm(HelmOptions.DEFAULT
                                .withOpenApiValidation(false)
                                .withTimeout(Duration.ofSeconds(3))
                                .withRetry(RetryPolicy.NONE)
                                .withWaitApplied(true)),
                mock.apiClient(),
                null);
    }

    @AfterEach
    void stopMock() {
        controller.shutdownNow();
        mock.close();
    }

    /** Karmada's scheduler and binding controller, 300 ms behind Helm. */
    private void runKarmada() {
        var unused = controller.scheduleWithFixedDelay(
                () -> {
                    try {
                        karmada.bind(NS);
                    } catch (Exception e) {
                        // the namespace may not exist yet
                    }
                },
                300,
                100,
                TimeUnit.MILLISECONDS);
    }

    private Orchestrator smo(ClusterInventory inventory) {
        return Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(inventory)
                .deployer(new LocalCharts(connection.deployer()))
                .scaler(connection.scaler())
                .build();
    }

    @Test
    void deployedOnlyOnceKarmadaAppliedEveryObject() throws Exception {
        runKarmada();
        try (Orchestrator smo = smo(connection.inventory())) {
            StoredGraph graph = smo.deployDescriptor(NS, GRAPH.replace("GPU", "false"));

            assertThat(graph.status()).isEqualTo(GraphStatus.RUNNING);
            assertThat(graph.services()).extracting(StoredService::status).containsOnly(ServiceStatus.DEPLOYED);
            // The largest member lacks the MCS API: the called service is not placed there.
            assertThat(graph.service("noise-reduction").orElseThrow().cluster()).isNotEqualTo("edge-athens");
            assertThat(karmada.list("work.karmada.io", "v1alpha2", NS, "resourcebindings"))
                    .extracting(rb -> String.valueOf(((Map<?, ?>) rb.get("metadata")).get("name")))
                    .contains("noise-reduction-deployment", "noise-reduction-serviceexport");
            assertThat(types(smo.events("fidelity"))).doesNotContain("RELEASE_FAILED");
        }
    }

    @Test
    void withoutKarmadaApplyingItTheServiceFailsRatherThanDeployed() {
        try (Orchestrator smo = smo(connection.inventory())) {
            StoredGraph graph = smo.deployDescriptor(NS, GRAPH.replace("GPU", "false"));

            assertThat(graph.status()).isEqualTo(GraphStatus.FAILED);
            assertThat(graph.service("noise-reduction").orElseThrow())
                    .satisfies(s -> assertThat(s.status()).isEqualTo(ServiceStatus.FAILED))
                    .satisfies(s -> assertThat(s.lastError())
                            .contains("Karmada has not applied release (noise-reduction)")
                            .contains("no ResourceBinding (noise-reduction-deployment) yet"));
        }
    }

    @Test
    void aTaintAfterPlanningFailsTheServiceWithKarmadasReason() {
        runKarmada();
        // The members are tainted right after the inventory was read for planning.
        ClusterInventory taintedAfterReading = () -> {
            List<ClusterInfo> clusters = connection.inventory().clusters();
            try {
                for (ClusterInfo c : clusters) {
                    karmada.taint(c.name(), List.of(Map.of("key", "maintenance", "effect", "NoSchedule")));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return clusters;
        };
        try (Orchestrator smo = smo(taintedAfterReading)) {
            StoredGraph graph = smo.deployDescriptor(NS, GRAPH.replace("GPU", "false"));

            assertThat(graph.status()).isEqualTo(GraphStatus.FAILED);
            // Karmada's filters run in order (APIEnablement, TaintToleration, ClusterAffinity), so every member's
            // first refusal is the taint.
            String expected =
                    "NoClusterFit: 0/3 clusters are available: 3 cluster(s) had untolerated taint {maintenance: }";
            for (StoredService s : graph.services()) {
                assertThat(s.status()).as(s.name()).isEqualTo(ServiceStatus.FAILED);
                assertThat(s.lastError())
                        .as(s.name())
                        .contains("Karmada did not schedule Deployment (" + s.name() + ")")
                        .contains(expected);
            }
            assertThat(smo.events("fidelity"))
                    .filteredOn(e -> e.type().equals("RELEASE_FAILED"))
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.message()).contains(expected));
        }
    }

    @Test
    void anAmdClusterGetsAmdGpusInTheValuesAndTheDeployment() throws Exception {
        runKarmada();
        try (Orchestrator smo = smo(connection.inventory())) {
            StoredGraph graph = smo.deployDescriptor(NS, GRAPH.replace("GPU", "true"));

            StoredService detection = graph.service("image-detection").orElseThrow();
            assertThat(detection.status()).isEqualTo(ServiceStatus.DEPLOYED);
            assertThat(detection.cluster()).isEqualTo("edge-leuven");
            assertThat(detection.values())
                    .extractingByKey("gpu")
                    .isEqualTo(Map.of("enabled", true, "resource", "amd.com/gpu"));
            Map<?, ?> deployment = karmada.list("apps", "v1", NS, "deployments").stream()
                    .filter(d -> ((Map<?, ?>) d.get("metadata")).get("name").equals("image-detection"))
                    .findFirst()
                    .orElseThrow();
            Map<?, ?> container = (Map<?, ?>) ((List<?>) ((Map<?, ?>)
                                    ((Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template")).get("spec"))
                            .get("containers"))
                    .get(0);
            Map<?, ?> limits = (Map<?, ?>) ((Map<?, ?>) container.get("resources")).get("limits");
            assertThat(((Number) limits.get("amd.com/gpu")).intValue()).isEqualTo(1);
            assertThat(limits.containsKey("nvidia.com/gpu")).isFalse();
        }
    }

    private static List<String> types(List<GraphEvent> events) {
        return events.stream().map(GraphEvent::type).toList();
    }

    /** The deployer with {@code oci://charts.test/<chart>} read from the example charts' directory. */
    private record LocalCharts(Deployer deployer) implements Deployer {

        @Override
        public ReleaseStatus apply(ReleaseSpec spec) {
            String chart = CHARTS.resolve(spec.chart().substring("oci://charts.test/".length()))
                    .toString();
            return deployer.apply(new ReleaseSpec(spec.namespace(), spec.release(), chart, null, spec.values()));
        }

        @Override
        public void uninstall(String namespace, String release) {
            deployer.uninstall(namespace, release);
        }

        @Override
        public Optional<ReleaseStatus> status(String namespace, String release) {
            return deployer.status(namespace, release);
        }
    }
}
