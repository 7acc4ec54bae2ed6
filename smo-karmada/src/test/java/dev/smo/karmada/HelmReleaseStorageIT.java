package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.ReleaseHistory;
import dev.smo.core.UnableToDeployException;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Helm's real release lifecycle through the deployer: upgrades, {@code status}, recovery of a release left
 * {@code pending-install}, idempotent re-apply and a failed upgrade completed by a retry.
 *
 * <p>The fabric8 mock cannot store Helm's release Secrets, so this class runs in its own failsafe execution
 * ({@code helm-sql-storage} in the pom) with {@code HELM_DRIVER=sql}: Helm keeps its release records in the
 * real PostgreSQL on 127.0.0.1:5432 ({@code scripts/services.sh start}), in a database this class creates at the
 * start and drops at the end, while the objects still go to the mock Karmada API server.
 */
class HelmReleaseStorageIT {

    private static final Path CHARTS = Path.of(System.getProperty("smo.examples.charts", "../smo-examples/charts"))
            .toAbsolutePath()
            .normalize();
    private static final String NS = "brussels";
    private static final String RELEASE = "noise-reduction";
    private static final String POLICY_PATH = "/apis/policy.karmada.io/v1alpha1/namespaces/" + NS
            + "/propagationpolicies/" + RELEASE + "?fieldManager=java";
    private static final String DEPLOYMENTS_PATH = "/apis/apps/v1/namespaces/" + NS + "/deployments?fieldManager=java";

    /** Helm's connection string, e.g. {@code postgresql://postgres@127.0.0.1:5432/smo_helm_it?sslmode=disable}. */
    private static URI helmDatabase;

    private static String database;

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private HelmOptions helm;

    @BeforeAll
    static void createDatabase() throws SQLException {
        assumeThat(System.getenv("HELM_DRIVER"))
                .as("run by the failsafe execution helm-sql-storage")
                .isEqualTo("sql");
        helmDatabase = URI.create(System.getenv("HELM_DRIVER_SQL_CONNECTION_STRING"));
        database = helmDatabase.getPath().substring(1);
        assertThat(database).as("database name").matches("[a-z_][a-z0-9_]*");
        admin("drop database if exists " + database + " with (force)");
        admin("create database " + database);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) {
            admin("drop database if exists " + database + " with (force)");
        }
    }

    @BeforeEach
    void startMock() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        for (String member : List.of("cloud-athens", "edge-brussels", "edge-leuven")) {
            karmada.addMember(FakeKarmada.Member.ready(member, "8", "32Gi"));
        }
        helm = HelmOptions.DEFAULT
                .withOpenApiValidation(false)
                .withTimeout(Duration.ofSeconds(30))
                .withRetry(RetryPolicy.NONE);
        // The first Helm call creates Helm's tables (its own migrations); every test starts with no release.
        deployer().status(NS, RELEASE);
        sql("delete from custom_labels_v1", "delete from releases_v1");
        assertThat(deployer().status(NS, RELEASE)).isEmpty();
    }

    @AfterEach
    void stopMock() throws SQLException {
        mock.close();
        // helm-java opens a connection pool per Helm call and never closes it: end those connections.
        admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
    }

    private Deployer deployer() {
        return deployer(helm);
    }

    /** A new connection, as after an SMO restart: nothing is carried over but what Helm stored. */
    private Deployer deployer(HelmOptions options) {
        return Karmada.connect(KarmadaConfig.of(mock.kubeconfig()).withHelm(options), mock.apiClient(), null)
                .deployer();
    }

    private static ReleaseSpec noiseReduction(List<String> placedOn, List<String> importedBy) {
        return new ReleaseSpec(
                NS,
                RELEASE,
                CHARTS.resolve("noise-reduction").toString(),
                null,
                Map.of("clustersAffinity", placedOn, "serviceImportClusters", importedBy, "replicaCount", 2));
    }

    @Test
    void reapplyingWithNewValuesIsARealHelmUpgrade() throws Exception {
        Deployer deployer = deployer();
        ReleaseStatus installed = deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()));
        String deploymentUid = uid(only("apps", "v1", "deployments"));

        ReleaseStatus upgraded = deployer.apply(noiseReduction(List.of("cloud-athens"), List.of("edge-brussels")));

        assertThat(installed.revision()).isEqualTo(1);
        assertThat(upgraded.revision()).isEqualTo(2);
        assertThat(upgraded.state()).isEqualTo("deployed");
        assertThat(history())
                .extracting(ReleaseHistory::getRevision, ReleaseHistory::getStatus)
                .containsExactlyInAnyOrder(tuple(1, "superseded"), tuple(2, "deployed"));
        assertThat(Helm.status(RELEASE)
                        .withNamespace(NS)
                        .withKubeConfig(mock.kubeconfig())
                        .call()
                        .getStatus())
                .isEqualTo("deployed");
        assertThat(userValues())
                .isEqualTo(Map.of(
                        "clustersAffinity",
                        List.of("cloud-athens"),
                        "serviceImportClusters",
                        List.of("edge-brussels"),
                        "replicaCount",
                        2));
        // Upgraded in place, not deleted and installed again: same Deployment, policy moved to the new cluster.
        assertThat(uid(only("apps", "v1", "deployments"))).isEqualTo(deploymentUid);
        assertThat(clusterNames(policy(RELEASE))).containsExactly("cloud-athens");
        assertThat(karmada.placements(NS))
                .containsEntry("Deployment/noise-reduction", Set.of("cloud-athens"))
                .containsEntry("ServiceImport/noise-reduction", Set.of("edge-brussels"));

        // A later upgrade dropping the import deletes the objects no longer in the chart's output.
        assertThat(deployer.apply(noiseReduction(List.of("cloud-athens"), List.of()))
                        .revision())
                .isEqualTo(3);
        assertThat(karmada.list("multicluster.x-k8s.io", "v1alpha1", NS, "serviceimports"))
                .isEmpty();
        assertThat(karmada.placements(NS))
                .containsEntry("Deployment/noise-reduction", Set.of("cloud-athens"))
                .doesNotContainKey("ServiceImport/noise-reduction");
    }

    @Test
    void statusReportsTheStoredReleaseAndNothingAfterUninstall() throws Exception {
        Deployer deployer = deployer();
        deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()));

        assertThat(deployer.status(NS, RELEASE)).hasValueSatisfying(s -> {
            assertThat(s.namespace()).isEqualTo(NS);
            assertThat(s.release()).isEqualTo(RELEASE);
            assertThat(s.revision()).isEqualTo(1);
            assertThat(s.state()).isEqualTo("deployed");
            assertThat(s.deployed()).isTrue();
            assertThat(s.chart()).isEqualTo("noise-reduction-0.1.0");
        });
        deployer.apply(noiseReduction(List.of("cloud-athens"), List.of()));
        assertThat(deployer.status(NS, RELEASE)).map(ReleaseStatus::revision).hasValue(2);
        assertThat(deployer.status(NS, "never-installed")).isEmpty();

        deployer.uninstall(NS, RELEASE);

        assertThat(deployer.status(NS, RELEASE)).isEmpty();
        assertThat(sqlCount("select count(*) from releases_v1")).isZero();
        assertThat(karmada.placements(NS)).isEmpty();
    }

    @Test
    void releaseLeftPendingInstallIsInstalledAgain() throws Exception {
        Deployer deployer = deployer();
        // SMO dies mid-install: Helm has recorded the release as pending-install and created the Service, the
        // Deployment is refused, and Helm's update of the record to "failed" never reaches the database.
        mock.server()
                .expect()
                .post()
                .withPath(DEPLOYMENTS_PATH)
                .andReturn(500, KarmadaClusterInventoryIT.status(500, "InternalError", "etcdserver: request timed out"))
                .once();
        assertThat(crashingBeforeHelmRecordsTheOutcome(
                        () -> deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()))))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("etcdserver: request timed out");
        assertThat(deployer.status(NS, RELEASE)).map(ReleaseStatus::state).hasValue("pending-install");
        assertThat(karmada.list("", "v1", NS, "services")).hasSize(1);
        assertThat(karmada.list("apps", "v1", NS, "deployments")).isEmpty();

        ReleaseStatus recovered = deployer().apply(noiseReduction(List.of("edge-leuven"), List.of()));

        assertThat(recovered.state()).isEqualTo("deployed");
        assertThat(recovered.revision()).isEqualTo(1);
        assertThat(history())
                .extracting(ReleaseHistory::getRevision, ReleaseHistory::getStatus)
                .containsExactly(tuple(1, "deployed"));
        assertThat(karmada.list("apps", "v1", NS, "deployments")).hasSize(1);
        assertThat(karmada.list("", "v1", NS, "services")).hasSize(1);
        assertThat(karmada.placements(NS)).containsEntry("Deployment/noise-reduction", Set.of("edge-leuven"));
    }

    @Test
    void reapplyingTheSameSpecAfterACrashKeepsOneReleaseWithTheSameValues() throws Exception {
        var spec = noiseReduction(List.of("edge-leuven"), List.of("edge-brussels"));
        deployer().apply(spec);
        String deploymentUid = uid(only("apps", "v1", "deployments"));
        Map<String, Set<String>> placementsBefore = karmada.placements(NS);

        // SMO restarts without knowing whether its last apply went through, and applies the same spec again.
        ReleaseStatus again = deployer().apply(spec);

        assertThat(again.state()).isEqualTo("deployed");
        assertThat(Helm.list()
                        .withNamespace(NS)
                        .withKubeConfig(mock.kubeconfig())
                        .call())
                .singleElement()
                .satisfies(r -> assertThat(r.getName()).isEqualTo(RELEASE));
        assertThat(history()).filteredOn(h -> h.getStatus().equals("deployed")).hasSize(1);
        assertThat(userValues())
                .isEqualTo(Map.of(
                        "clustersAffinity",
                        List.of("edge-leuven"),
                        "serviceImportClusters",
                        List.of("edge-brussels"),
                        "replicaCount",
                        2));
        assertThat(uid(only("apps", "v1", "deployments"))).isEqualTo(deploymentUid);
        assertThat(karmada.list("", "v1", NS, "services")).hasSize(1);
        assertThat(karmada.placements(NS)).isEqualTo(placementsBefore);
    }

    @Test
    void failedUpgradeIsReportedWithHelmsMessageAndARetryCompletesIt() throws Exception {
        Deployer deployer = deployer();
        deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()));
        mock.server()
                .expect()
                .patch()
                .withPath(POLICY_PATH)
                .andReturn(500, KarmadaClusterInventoryIT.status(500, "InternalError", "etcdserver: request timed out"))
                .once();
        var moved = noiseReduction(List.of("cloud-athens"), List.of());

        assertThatThrownBy(() -> deployer.apply(moved))
                .isInstanceOfSatisfying(UnableToDeployException.class, e -> {
                    assertThat(e.namespace()).isEqualTo(NS);
                    assertThat(e.release()).isEqualTo(RELEASE);
                })
                .hasMessageContaining("release (noise-reduction)")
                .hasMessageContaining("cannot patch \"noise-reduction\" with kind PropagationPolicy: "
                        + "etcdserver: request timed out");
        assertThat(deployer.status(NS, RELEASE)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo("failed");
            assertThat(s.revision()).isEqualTo(2);
        });
        assertThat(clusterNames(policy(RELEASE))).containsExactly("edge-leuven");

        ReleaseStatus retried = deployer.apply(moved);

        assertThat(retried.state()).isEqualTo("deployed");
        assertThat(retried.revision()).isEqualTo(3);
        assertThat(history())
                .extracting(ReleaseHistory::getRevision, ReleaseHistory::getStatus)
                .containsExactlyInAnyOrder(tuple(1, "superseded"), tuple(2, "failed"), tuple(3, "deployed"));
        assertThat(clusterNames(policy(RELEASE))).containsExactly("cloud-athens");
        assertThat(karmada.placements(NS)).containsEntry("Deployment/noise-reduction", Set.of("cloud-athens"));
    }

    @Test
    void installFailingHalfWayIsCompletedByTheNextApply() throws Exception {
        Deployer deployer = deployer();
        mock.server()
                .expect()
                .post()
                .withPath(DEPLOYMENTS_PATH)
                .andReturn(500, KarmadaClusterInventoryIT.status(500, "InternalError", "etcdserver: request timed out"))
                .once();
        var spec = noiseReduction(List.of("edge-leuven"), List.of());

        assertThatThrownBy(() -> deployer.apply(spec))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("etcdserver: request timed out");
        assertThat(deployer.status(NS, RELEASE)).map(ReleaseStatus::state).hasValue("failed");

        // The only revision failed: the next apply upgrades it (Helm accepts that), creating what is missing.
        ReleaseStatus completed = deployer.apply(spec);

        assertThat(completed.state()).isEqualTo("deployed");
        assertThat(completed.revision()).isEqualTo(2);
        assertThat(karmada.list("apps", "v1", NS, "deployments")).hasSize(1);
        assertThat(karmada.list("", "v1", NS, "services")).hasSize(1);
        assertThat(karmada.placements(NS)).containsEntry("Deployment/noise-reduction", Set.of("edge-leuven"));
    }

    @Test
    void upgradeLeftPendingIsReportedWithARollbackHint() throws Exception {
        Deployer deployer = deployer();
        deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()));
        mock.server()
                .expect()
                .patch()
                .withPath(POLICY_PATH)
                .andReturn(500, KarmadaClusterInventoryIT.status(500, "InternalError", "etcdserver: request timed out"))
                .once();
        assertThat(crashingBeforeHelmRecordsTheOutcome(
                        () -> deployer.apply(noiseReduction(List.of("cloud-athens"), List.of()))))
                .isInstanceOf(UnableToDeployException.class);
        assertThat(deployer.status(NS, RELEASE)).map(ReleaseStatus::state).hasValue("pending-upgrade");

        // Someone (or something) may still be upgrading: SMO does not touch it and says what to do.
        assertThatThrownBy(() -> deployer().apply(noiseReduction(List.of("cloud-athens"), List.of())))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("pending-upgrade")
                .hasMessageContaining("helm rollback noise-reduction -n brussels");
        assertThat(clusterNames(policy(RELEASE))).containsExactly("edge-leuven");
    }

    @Test
    void transientUpgradeFailureIsRetriedWithinOneApply() throws Exception {
        Deployer deployer = deployer(helm.withRetry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100))));
        deployer.apply(noiseReduction(List.of("edge-leuven"), List.of()));
        mock.server()
                .expect()
                .patch()
                .withPath(POLICY_PATH)
                .andReturn(
                        503,
                        KarmadaClusterInventoryIT.status(
                                503, "ServiceUnavailable", "the server is currently unable to handle the request"))
                .once();

        ReleaseStatus status = deployer.apply(noiseReduction(List.of("cloud-athens"), List.of()));

        assertThat(status.state()).isEqualTo("deployed");
        assertThat(status.revision()).isEqualTo(3);
        assertThat(clusterNames(policy(RELEASE))).containsExactly("cloud-athens");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /**
     * Runs an apply while PostgreSQL refuses every update of a release record. Helm stores a release as
     * {@code pending-install} or {@code pending-upgrade} before touching the API server and updates the record with
     * the outcome afterwards; with the update refused, the record stays pending, as when SMO dies mid-operation.
     *
     * @return what the apply threw, or {@code null}
     */
    private static Throwable crashingBeforeHelmRecordsTheOutcome(Runnable apply) throws SQLException {
        sql(
                "create function smo_crash() returns trigger language plpgsql as "
                        + "$$ begin raise exception 'SMO crashed before Helm recorded the outcome'; end $$",
                "create trigger smo_crash before update on releases_v1 for each row execute function smo_crash()");
        try {
            return catchThrowable(apply::run);
        } finally {
            sql("drop trigger smo_crash on releases_v1", "drop function smo_crash()");
        }
    }

    private List<ReleaseHistory> history() {
        return Helm.history(RELEASE)
                .withNamespace(NS)
                .withKubeConfig(mock.kubeconfig())
                .call();
    }

    /** @return the values Helm stored for the release (what SMO passed) */
    private Map<String, Object> userValues() {
        String yaml = Helm.get(RELEASE)
                .values()
                .withNamespace(NS)
                .withKubeConfig(mock.kubeconfig())
                .call();
        return new Yaml().load(yaml);
    }

    private Map<String, Object> only(String group, String version, String plural) throws Exception {
        List<Map<String, Object>> items = karmada.list(group, version, NS, plural);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private Map<String, Object> policy(String name) throws Exception {
        return karmada.list("policy.karmada.io", "v1alpha1", NS, "propagationpolicies").stream()
                .filter(p -> name.equals(((Map<?, ?>) p.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow();
    }

    private static List<Object> clusterNames(Map<String, Object> policy) {
        Map<?, ?> placement = (Map<?, ?>) ((Map<?, ?>) policy.get("spec")).get("placement");
        return List.copyOf((List<?>) ((Map<?, ?>) placement.get("clusterAffinity")).get("clusterNames"));
    }

    private static String uid(Map<String, Object> object) {
        return String.valueOf(((Map<?, ?>) object.get("metadata")).get("uid"));
    }

    private static String jdbcUrl(String db) {
        return "jdbc:postgresql://" + helmDatabase.getHost() + ":"
                + (helmDatabase.getPort() < 0 ? 5432 : helmDatabase.getPort()) + "/" + db;
    }

    private static String user() {
        String info = helmDatabase.getUserInfo();
        return info == null ? "postgres" : info.split(":", 2)[0];
    }

    /** Runs statements as the database owner in the maintenance database {@code postgres}. */
    private static void admin(String... statements) throws SQLException {
        run(jdbcUrl("postgres"), statements);
    }

    /** Runs statements in Helm's database. */
    private static void sql(String... statements) throws SQLException {
        run(jdbcUrl(database), statements);
    }

    private static void run(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user(), "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long sqlCount(String query) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), user(), "");
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
