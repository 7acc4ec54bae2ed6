package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.UnableToDeployException;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Helm (helm-java) installing the Brussels demo charts into the mock Karmada API server. */
class HelmDeployerIT {

    private static final Path CHARTS = Path.of(System.getProperty("smo.examples.charts", "../smo-examples/charts"))
            .toAbsolutePath()
            .normalize();
    private static final String NS = "brussels";
    private static final String DEPLOYMENTS_PATH = "/apis/apps/v1/namespaces/" + NS + "/deployments?fieldManager=java";

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private HelmOptions helm;

    @BeforeEach
    void startMock() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        for (String member : List.of("cloud-athens", "edge-brussels", "edge-leuven")) {
            karmada.addMember(FakeKarmada.Member.ready(member, "8", "32Gi"));
        }
        // The mock serves no OpenAPI schema, so Helm must not validate against it.
        helm = HelmOptions.DEFAULT
                .withOpenApiValidation(false)
                .withTimeout(Duration.ofSeconds(30))
                .withRetry(RetryPolicy.NONE);
    }

    @AfterEach
    void stopMock() {
        mock.close();
    }

    private Deployer deployer(HelmOptions options) {
        return Karmada.connect(KarmadaConfig.of(mock.kubeconfig()).withHelm(options), mock.apiClient(), null)
                .deployer();
    }

    private static ReleaseSpec noiseReduction(List<String> placedOn, List<String> importedBy) {
        return new ReleaseSpec(
                NS,
                "noise-reduction",
                CHARTS.resolve("noise-reduction").toString(),
                null,
                Map.of("clustersAffinity", placedOn, "serviceImportClusters", importedBy, "replicaCount", 2));
    }

    @Test
    void deployBrusselsDemoWherePlacementSays() throws Exception {
        Deployer deployer = deployer(helm);
        // image-compression-vo -> noise-reduction -> image-detection; a service is imported where its callers run.
        var vo = new ReleaseSpec(
                NS,
                "image-compression-vo",
                CHARTS.resolve("image-compression-vo").toString(),
                null,
                Map.of(
                        "voChartOverwrite",
                        Map.of("clustersAffinity", List.of("edge-brussels"), "serviceImportClusters", List.of())));
        var noise = noiseReduction(List.of("edge-leuven"), List.of("edge-brussels"));
        var detection = new ReleaseSpec(
                NS,
                "image-detection",
                CHARTS.resolve("image-detection").toString(),
                null,
                Map.of("clustersAffinity", List.of("cloud-athens"), "serviceImportClusters", List.of("edge-leuven")));

        List<ReleaseStatus> statuses = List.of(deployer.apply(vo), deployer.apply(noise), deployer.apply(detection));

        assertThat(statuses).allSatisfy(s -> {
            assertThat(s.deployed()).isTrue();
            assertThat(s.revision()).isEqualTo(1);
            assertThat(s.namespace()).isEqualTo(NS);
        });
        assertThat(karmada.placements(NS))
                .containsAllEntriesOf(Map.of(
                        "Deployment/image-compression-vo", Set.of("edge-brussels"),
                        "ConfigMap/image-compression-vo-config", Set.of("edge-brussels"),
                        "Deployment/noise-reduction", Set.of("edge-leuven"),
                        "Service/noise-reduction", Set.of("edge-leuven"),
                        "ServiceExport/noise-reduction", Set.of("edge-leuven"),
                        "ServiceImport/noise-reduction", Set.of("edge-brussels"),
                        "Deployment/image-detection", Set.of("cloud-athens"),
                        "ServiceImport/image-detection", Set.of("edge-leuven")))
                .doesNotContainKey("ServiceImport/image-compression-vo");
        assertThat(karmada.list("apps", "v1", NS, "deployments"))
                .filteredOn(d -> "noise-reduction".equals(((Map<?, ?>) d.get("metadata")).get("name")))
                .singleElement()
                .extracting(d -> ((Map<?, ?>) d.get("spec")).get("replicas"))
                .isEqualTo(2.0);
    }

    @Test
    void reapplyingTheSameSpecIsIdempotent() throws Exception {
        Deployer deployer = deployer(helm);
        var spec = noiseReduction(List.of("edge-leuven"), List.of());

        deployer.apply(spec);
        ReleaseStatus again = deployer.apply(spec);

        assertThat(again.deployed()).isTrue();
        assertThat(karmada.list("apps", "v1", NS, "deployments")).hasSize(1);
        assertThat(karmada.placements(NS)).containsEntry("Deployment/noise-reduction", Set.of("edge-leuven"));
    }

    @Test
    void reapplyingWithANewPlacementMovesTheService() throws Exception {
        Deployer deployer = deployer(helm);
        deployer.apply(noiseReduction(List.of("edge-leuven"), List.of("edge-brussels")));

        deployer.apply(noiseReduction(List.of("cloud-athens"), List.of("edge-brussels", "edge-leuven")));

        assertThat(karmada.placements(NS))
                .containsEntry("Deployment/noise-reduction", Set.of("cloud-athens"))
                .containsEntry("ServiceImport/noise-reduction", Set.of("edge-brussels", "edge-leuven"));
    }

    @Test
    void installFailingHalfWaySurfacesTheReasonAndARetryCompletesIt() throws Exception {
        Deployer deployer = deployer(helm);
        mock.server()
                .expect()
                .post()
                .withPath(DEPLOYMENTS_PATH)
                .andReturn(500, KarmadaClusterInventoryIT.status(500, "InternalError", "etcdserver: request timed out"))
                .once();
        var spec = noiseReduction(List.of("edge-leuven"), List.of());

        assertThatThrownBy(() -> deployer.apply(spec))
                .isInstanceOfSatisfying(UnableToDeployException.class, e -> {
                    assertThat(e.namespace()).isEqualTo(NS);
                    assertThat(e.release()).isEqualTo("noise-reduction");
                })
                .hasMessageContaining("etcdserver: request timed out");
        assertThat(karmada.list("apps", "v1", NS, "deployments")).isEmpty();

        assertThat(deployer.apply(spec).deployed()).isTrue();
        assertThat(karmada.placements(NS)).containsEntry("Deployment/noise-reduction", Set.of("edge-leuven"));
        assertThat(karmada.list("", "v1", NS, "services")).hasSize(1);
    }

    @Test
    void transientServerErrorIsRetriedWithinOneApply() throws Exception {
        Deployer deployer = deployer(helm.withRetry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100))));
        mock.server()
                .expect()
                .post()
                .withPath(DEPLOYMENTS_PATH)
                .andReturn(
                        503,
                        KarmadaClusterInventoryIT.status(
                                503, "ServiceUnavailable", "the server is currently unable to handle the request"))
                .once();

        ReleaseStatus status = deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()));

        assertThat(status.deployed()).isTrue();
        assertThat(karmada.placements(NS)).containsEntry("Deployment/noise-reduction", Set.of("edge-leuven"));
    }

    @Test
    void unreachableApiServerIsReportedWithHelmsMessage() throws Exception {
        Path nowhere = Files.writeString(
                dir.resolve("nowhere.kubeconfig"),
                Files.readString(mock.kubeconfig()).replace(mock.url(), "http://127.0.0.1:1"));
        Deployer deployer = Karmada.connect(KarmadaConfig.of(nowhere).withHelm(helm), mock.apiClient(), null)
                .deployer();

        assertThatThrownBy(() -> deployer.apply(noiseReduction(List.of("edge-leuven"), List.of())))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void missingChartIsReportedWithHelmsMessage() {
        var spec = new ReleaseSpec(NS, "ghost", CHARTS.resolve("no-such-chart").toString(), null, Map.of());

        assertThatThrownBy(() -> deployer(helm).apply(spec))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("release (ghost)")
                .hasMessageContaining("no-such-chart");
    }

    @Test
    void waitingForReadinessTimesOut() {
        Deployer deployer = deployer(helm.withWaitReady(true).withTimeout(Duration.ofSeconds(2)));

        // Nothing becomes ready in the mock: no controller fills the Deployment's status.
        assertThatThrownBy(() -> deployer.apply(noiseReduction(List.of("edge-leuven"), List.of())))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("context deadline exceeded")
                .hasMessageContaining("did not become ready within 2 s");
    }

    @Test
    void uninstallRemovesEverythingAndIsANoOpWhenAbsent() throws Exception {
        Deployer deployer = deployer(helm);
        deployer.apply(noiseReduction(List.of("edge-leuven"), List.of("edge-brussels")));

        deployer.uninstall(NS, "noise-reduction");
        deployer.uninstall(NS, "noise-reduction");

        assertThat(karmada.placements(NS)).isEmpty();
        assertThat(karmada.list("apps", "v1", NS, "deployments")).isEmpty();
        assertThat(karmada.list("", "v1", NS, "services")).isEmpty();
        assertThat(karmada.list("multicluster.x-k8s.io", "v1alpha1", NS, "serviceimports"))
                .isEmpty();
        assertThat(karmada.list("multicluster.x-k8s.io", "v1alpha1", NS, "serviceexports"))
                .isEmpty();
    }

    @Test
    void uninstallLeavesOtherReleasesAlone() throws Exception {
        Deployer deployer = deployer(helm);
        deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()));
        deployer.apply(new ReleaseSpec(
                NS,
                "image-detection",
                CHARTS.resolve("image-detection").toString(),
                null,
                Map.of("clustersAffinity", List.of("cloud-athens"))));

        deployer.uninstall(NS, "noise-reduction");

        assertThat(karmada.placements(NS))
                .containsOnlyKeys(
                        "Deployment/image-detection", "Service/image-detection", "ServiceExport/image-detection");
    }

    @Test
    void statusIsEmptyWhenHelmHasNoRecordOfTheRelease() {
        // With HELM_DRIVER=memory (the mock cannot store release Secrets) every Helm call starts with an empty
        // store, so even an installed release has no record; against Karmada the Secret driver keeps it.
        Deployer deployer = deployer(helm);
        deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()));

        assertThat(deployer.status(NS, "noise-reduction")).isEmpty();
        assertThat(deployer.status(NS, "never-installed")).isEmpty();
    }
}
