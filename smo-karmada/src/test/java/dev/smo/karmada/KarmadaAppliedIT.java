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
 * With {@code waitApplied}, a release is reported deployed only once Karmada's ResourceBinding says
 * {@code FullyApplied}; a cluster Karmada refuses (a taint that appeared after planning) fails with its reason.
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
                        bindings.addAndGet(karmada.bindDeployments(NS));
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
        return new ReleaseSpec(
                NS,
                "noise-reduction",
                CHARTS.resolve("noise-reduction").toString(),
                null,
                Map.of("clustersAffinity", List.of(cluster), "serviceImportClusters", List.of()));
    }

    @Test
    void deployedOnlyOnceKarmadaFullyAppliedIt() throws Exception {
        runController();

        var status = deployer(Duration.ofSeconds(30)).apply(noiseReductionOn("edge-brussels"));

        assertThat(status.state()).isEqualTo("deployed");
        assertThat(bindings.get())
                .as("apply returned after Karmada bound the Deployment")
                .isEqualTo(1);
        assertThat(karmada.list("work.karmada.io", "v1alpha2", NS, "resourcebindings"))
                .singleElement()
                .extracting(rb -> ((Map<?, ?>) rb.get("metadata")).get("name"))
                .isEqualTo("noise-reduction-deployment");
    }

    @Test
    void aTaintedClusterFailsWithKarmadasReason() {
        runController();

        assertThatThrownBy(() -> deployer(Duration.ofSeconds(30)).apply(noiseReductionOn("edge-leuven")))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("Karmada did not schedule Deployment (noise-reduction)")
                .hasMessageContaining("NoClusterFit")
                .hasMessageContaining("untolerated taint {cluster.karmada.io/not-ready: }");
    }

    @Test
    void withoutKarmadaTheWaitRunsOutWithWhatWasSeen() {
        assertThatThrownBy(() -> deployer(Duration.ofSeconds(2)).apply(noiseReductionOn("edge-brussels")))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("Karmada has not applied release (noise-reduction)")
                .hasMessageContaining("no ResourceBinding (noise-reduction-deployment) yet");
    }
}
