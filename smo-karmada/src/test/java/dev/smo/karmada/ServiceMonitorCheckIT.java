package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.UnableToDeployException;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts' serviceMonitor option needs the Prometheus Operator's CRD and the monitor's namespace in
 * karmada-apiserver: without them the release is refused before Helm runs, with what is missing.
 */
class ServiceMonitorCheckIT {

    private static final Path CHARTS = Path.of(System.getProperty("smo.examples.charts", "../smo-examples/charts"))
            .toAbsolutePath()
            .normalize();
    private static final String NS = "brussels";

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;

    @BeforeEach
    void startMock() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        karmada.addMember(FakeKarmada.Member.ready("edge-brussels", "8", "32Gi"));
    }

    @AfterEach
    void stopMock() {
        mock.close();
    }

    private Deployer deployer() {
        return Karmada.connect(
                        KarmadaConfig.of(mock.kubeconfig())
                                .withHelm(HelmOptions.DEFAULT
                                        .withOpenApiValidation(false)
                                        .withRetry(RetryPolicy.NONE)),
                        mock.apiClient(),
                        null)
                .deployer();
    }

    private static ReleaseSpec monitored() {
        return new ReleaseSpec(
                NS,
                "noise-reduction",
                CHARTS.resolve("noise-reduction").toString(),
                null,
                Map.of(
                        "clustersAffinity",
                        List.of("edge-brussels"),
                        "serviceMonitor",
                        Map.of("enabled", true, "namespace", "monitoring")));
    }

    @Test
    void withTheCrdAndTheNamespaceTheMonitorIsInstalled() throws Exception {
        karmada.createNamespace("monitoring");

        assertThat(deployer().apply(monitored()).deployed()).isTrue();
        assertThat(karmada.list("monitoring.coreos.com", "v1", "monitoring", "servicemonitors"))
                .extracting(m -> String.valueOf(((Map<?, ?>) m.get("metadata")).get("name")))
                .containsExactly("noise-reduction");
    }

    @Test
    void aMissingNamespaceIsNamedBeforeHelmRuns() throws Exception {
        assertThatThrownBy(() -> deployer().apply(monitored()))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("puts its ServiceMonitor in namespace (monitoring), which karmada-apiserver does "
                        + "not have");
        assertThat(karmada.list("apps", "v1", NS, "deployments")).isEmpty();
    }

    @Test
    void withoutANamespaceInTheValuesOnlyTheApiIsChecked() throws Exception {
        // The chart puts the monitor in its default namespace; the project namespace is created by the deployer.
        karmada.createNamespace("monitoring");
        var spec = new ReleaseSpec(
                "fresh-project",
                "noise-reduction",
                CHARTS.resolve("noise-reduction").toString(),
                null,
                Map.of("clustersAffinity", List.of("edge-brussels"), "serviceMonitor", Map.of("enabled", true)));

        assertThat(deployer().apply(spec).deployed()).isTrue();
        assertThat(karmada.list("monitoring.coreos.com", "v1", "monitoring", "servicemonitors"))
                .hasSize(1);
    }

    @Test
    void aMissingCrdIsNamedBeforeHelmRuns() throws Exception {
        karmada.createNamespace("monitoring");
        mock.server()
                .expect()
                .get()
                .withPath("/apis/monitoring.coreos.com/v1/namespaces/monitoring/servicemonitors")
                .andReturn(
                        404,
                        KarmadaClusterInventoryIT.status(
                                404, "NotFound", "the server could not find the requested resource"))
                .always();

        assertThatThrownBy(() -> deployer().apply(monitored()))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("enables serviceMonitor, but karmada-apiserver has no "
                        + "servicemonitors.monitoring.coreos.com API");
        assertThat(karmada.list("apps", "v1", NS, "deployments")).isEmpty();
        // Off, the same release goes through.
        assertThat(deployer()
                        .apply(new ReleaseSpec(
                                NS,
                                "noise-reduction",
                                CHARTS.resolve("noise-reduction").toString(),
                                null,
                                Map.of("clustersAffinity", List.of("edge-brussels"))))
                        .deployed())
                .isTrue();
    }
}
