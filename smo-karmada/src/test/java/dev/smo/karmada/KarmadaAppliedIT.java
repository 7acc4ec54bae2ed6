package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.UnableToDeployException;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code waitApplied}, a release is reported deployed only once Karmada's ResourceBindings say
 * {@code FullyApplied}; a cluster Karmada refuses (a taint that appeared after planning, a member without the MCS
 * API) fails with its reason.
 */
class KarmadaAppliedIT {

    private static final Path CHARTS = Path.of(System.getProperty("smo.examples.charts", "../smo-examples/charts"))
            .toAbsolutePath()
            .normalize();
    private static final String NS = "brussels";

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private ScheduledExecutorService controller;
    private final AtomicInteger bindings = new AtomicInteger();
    private ScheduledFuture<?> loop;

    @BeforeEach
    void startMock() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        karmada.addMember(FakeKarmada.Member.ready("edge-brussels", "8", "32Gi"));
        karmada.addMember(
                FakeKarmada.Member.ready("edge-leuven", "8", "32Gi"),
                new FakeKarmada.Scheduling(
                        List.of(Map.of("key", "cluster.karmada.io/not-ready", "effect", "NoSchedule")), null));
        karmada.addMember(
                FakeKarmada.Member.ready("edge-athens", "8", "32Gi"),
                FakeKarmada.Scheduling.NONE.serving("apps/v1/Deployment", "v1/Service", "v1/ConfigMap"));
        controller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-karmada-controller");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stopMock() {
        if (loop != null) {
            loop.cancel(true);
        }
        controller.shutdownNow();
        mock.close();
    }

    /** Karmada's controllers, 300 ms behind Helm. */
    private void runController() {
        loop = controller.scheduleWithFixedDelay(
                () -> {
                    try {
                        bindings.addAndGet(karmada.bind(NS));
                    } catch (Exception e) {
                        // the namespace may not exist yet
                    }
                },
                300,
                100,
                TimeUnit.MILLISECONDS);
    }

    private Deployer deployer(Duration timeout) {
        HelmOptions helm = HelmOptions.DEFAULT
                .withOpenApiValidation(false)
                .withTimeout(timeout)
                .withRetry(RetryPolicy.NONE)
                .withWaitApplied(true);
        return Karmada.connect(KarmadaConfig.of(mock.kubeconfig()).withHelm(helm), mock.apiClient(), null)
                .deployer();
    }

    private static ReleaseSpec noiseReductionOn(String cluster) {
        return noiseReductionOn(cluster, List.of());
    }

    private static ReleaseSpec noiseReductionOn(String cluster, List<Map<String, String>> tolerations) {
        return new ReleaseSpec(
                NS,
                "noise-reduction",
                CHARTS.resolve("noise-reduction").toString(),
                null,
                Map.of(
                        "clustersAffinity",
                        List.of(cluster),
                        "serviceImportClusters",
                        List.of(),
                        "clusterTolerations",
                        tolerations));
    }

    @Test
    void deployedOnlyOnceKarmadaFullyAppliedIt() throws Exception {
        runController();

        var status = deployer(Duration.ofSeconds(30)).apply(noiseReductionOn("edge-brussels"));

        assertThat(status.state()).isEqualTo("deployed");
        assertThat(bindings.get())
                .as("apply returned after Karmada bound the Deployment, Service and ServiceExport")
                .isEqualTo(3);
        assertThat(karmada.list("work.karmada.io", "v1alpha2", NS, "resourcebindings"))
                .extracting(rb -> String.valueOf(((Map<?, ?>) rb.get("metadata")).get("name")))
                .containsExactlyInAnyOrder(
                        "noise-reduction-deployment", "noise-reduction-service", "noise-reduction-serviceexport");
    }

    @Test
    void aToleratedTaintIsScheduled() throws Exception {
        runController();

        var status = deployer(Duration.ofSeconds(30))
                .apply(noiseReductionOn(
                        "edge-leuven", List.of(Map.of("key", "cluster.karmada.io/not-ready", "operator", "Exists"))));

        assertThat(status.state()).isEqualTo("deployed");
        assertThat(karmada.list("work.karmada.io", "v1alpha2", NS, "resourcebindings"))
                .filteredOn(rb -> ((Map<?, ?>) rb.get("metadata")).get("name").equals("noise-reduction-deployment"))
                .singleElement()
                .extracting(rb -> ((Map<?, ?>) rb.get("spec")).get("clusters"))
                .isEqualTo(List.of(Map.of("name", "edge-leuven")));
    }

    @Test
    void aMemberWithoutTheServiceExportApiFailsWithKarmadasReason() {
        runController();

        // The Deployment is applied there; the ServiceExport is refused by Karmada's APIEnablement filter. Each
        // other member's first refusal is given: edge-leuven's taint (TaintToleration runs before ClusterAffinity),
        // edge-brussels outside the policy's affinity.
        assertThatThrownBy(() -> deployer(Duration.ofSeconds(30)).apply(noiseReductionOn("edge-athens")))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("Karmada did not schedule ServiceExport (noise-reduction)")
                .hasMessageContaining("NoClusterFit: 0/3 clusters are available: "
                        + "1 cluster(s) did not have the API resource, "
                        + "1 cluster(s) did not match the placement cluster affinity constraint, "
                        + "1 cluster(s) had untolerated taint {cluster.karmada.io/not-ready: }");
    }

    @Test
    void aTaintedClusterFailsWithKarmadasReason() {
        runController();

        assertThatThrownBy(() -> deployer(Duration.ofSeconds(30)).apply(noiseReductionOn("edge-leuven")))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("Karmada did not schedule Deployment (noise-reduction)")
                .hasMessageContaining("NoClusterFit")
                .hasMessageContaining("1 cluster(s) had untolerated taint {cluster.karmada.io/not-ready: }");
    }

    @Test
    void withoutKarmadaTheWaitRunsOutWithWhatWasSeen() {
        assertThatThrownBy(() -> deployer(Duration.ofSeconds(2)).apply(noiseReductionOn("edge-brussels")))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("Karmada has not applied release (noise-reduction)")
                .hasMessageContaining("no ResourceBinding (noise-reduction-deployment) yet");
    }
}
