package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.UnableToDeployException;
import dev.smo.core.spi.ReplicaStatus;
import dev.smo.core.spi.WorkloadScaler;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentScalerIT {

    private static final String NS = "brussels";

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private WorkloadScaler scaler;

    @BeforeEach
    void startMock() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        karmada.createNamespace(NS);
        karmada.createNamespace("default");
        scaler = Karmada.connect(
                        KarmadaConfig.of(mock.kubeconfig()).withHelm(HelmOptions.DEFAULT.withRetry(RetryPolicy.NONE)),
                        mock.apiClient(),
                        null)
                .scaler();
        deployment(NS, "noise-reduction", "noise-reduction", 1);
        deployment(NS, "image-detection", "image-detection", 2);
        // Same release name in another namespace: the original SMO scaled "default" whatever the project was.
        deployment("default", "noise-reduction", "noise-reduction", 5);
    }

    @AfterEach
    void stopMock() {
        mock.close();
    }

    private void deployment(String namespace, String name, String release, int replicas) throws Exception {
        Map<String, Object> labels = Map.of("app.kubernetes.io/instance", release, "app.kubernetes.io/name", name);
        Map<String, Object> body = Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", name, "namespace", namespace, "labels", labels),
                "spec",
                Map.of(
                        "replicas",
                        replicas,
                        "selector",
                        Map.of("matchLabels", labels),
                        "template",
                        Map.of(
                                "metadata",
                                Map.of("labels", labels),
                                "spec",
                                Map.of(
                                        "containers",
                                        List.of(Map.of("name", name, "image", "example/" + name + ":1.0.0"))))));
        new CustomObjectsApi(mock.apiClient())
                .createNamespacedCustomObject("apps", "v1", namespace, "deployments", body)
                .execute();
    }

    @Test
    void readDesiredAndAvailableReplicas() throws Exception {
        assertThat(scaler.replicas(NS, "noise-reduction")).isEqualTo(new ReplicaStatus(1, 0));

        karmada.reportAvailable(NS, "noise-reduction", 1);

        assertThat(scaler.replicas(NS, "noise-reduction")).isEqualTo(new ReplicaStatus(1, 1));
    }

    @Test
    void scaleOnlyTheReleasesDeploymentsInItsNamespace() throws Exception {
        scaler.scale(NS, "noise-reduction", 3);

        assertThat(scaler.replicas(NS, "noise-reduction")).isEqualTo(new ReplicaStatus(3, 0));
        assertThat(scaler.replicas(NS, "image-detection").desired()).isEqualTo(2);
        assertThat(scaler.replicas("default", "noise-reduction").desired()).isEqualTo(5);
    }

    @Test
    void sumOverEveryDeploymentOfTheRelease() throws Exception {
        deployment(NS, "noise-reduction-worker", "noise-reduction", 4);

        scaler.scale(NS, "noise-reduction", 2);

        assertThat(scaler.replicas(NS, "noise-reduction")).isEqualTo(new ReplicaStatus(4, 0));
    }

    @Test
    void releaseWithoutDeploymentsHasZeroReplicas() {
        assertThat(scaler.replicas(NS, "not-yet-deployed")).isEqualTo(new ReplicaStatus(0, 0));
    }

    @Test
    void scalingAReleaseWithoutDeploymentsFails() {
        assertThatThrownBy(() -> scaler.scale(NS, "not-yet-deployed", 2))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("app.kubernetes.io/instance=not-yet-deployed")
                .hasMessageContaining("(" + NS + ")");
    }

    @Test
    void refusedPatchSurfacesTheApiServersMessage() {
        mock.server()
                .expect()
                .patch()
                .withPath("/apis/apps/v1/namespaces/" + NS + "/deployments/noise-reduction")
                .andReturn(
                        422,
                        KarmadaClusterInventoryIT.status(
                                422,
                                "Invalid",
                                "Deployment.apps \"noise-reduction\" is invalid: spec.replicas: Invalid value"))
                .once();

        assertThatThrownBy(() -> scaler.scale(NS, "noise-reduction", 3))
                .isInstanceOfSatisfying(
                        UnableToDeployException.class,
                        e -> assertThat(e.release()).isEqualTo("noise-reduction"))
                .hasMessageContaining("HTTP 422: Deployment.apps \"noise-reduction\" is invalid");
    }

    @Test
    void negativeReplicasRejected() {
        assertThatThrownBy(() -> scaler.scale(NS, "noise-reduction", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicas (-1)");
    }
}
