package dev.smo.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.dist.Chart.Node;
import dev.smo.dist.Chart.Rendered;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm template} of charts/smo with several value sets, checked on the parsed objects. */
class ChartTemplateTest {

    static final String TOKEN = "write-token-0123456789";
    static final String READ_TOKEN = "read-token-0123456789";
    static final String DATABASE_URL = "postgresql://smo:s3cret@pg.db.svc:5432/smo?sslmode=require";
    static final String SEALING_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    @TempDir
    Path dir;

    /** A rendered value set and what must hold of it. */
    record Case(String name, Map<String, Object> values, Consumer<Rendered> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("defaults: one replica on the embedded database", Map.of(), ChartTemplateTest::defaults),
            new Case(
                    "3 replicas on an external PostgreSQL",
                    Map.of(
                            "replicaCount",
                            3,
                            "database",
                            Map.of("url", DATABASE_URL),
                            "sealingKey",
                            SEALING_KEY,
                            "auth",
                            Map.of("apiToken", TOKEN, "readToken", READ_TOKEN),
                            "topologySpreadConstraints",
                            List.of(Map.of(
                                    "maxSkew",
                                    1,
                                    "topologyKey",
                                    "kubernetes.io/hostname",
                                    "whenUnsatisfiable",
                                    "ScheduleAnyway"))),
                    ChartTemplateTest::replicated),
            new Case(
                    "existingSecret with the database URL in it",
                    Map.of("replicaCount", 2, "existingSecret", "smo-prod", "database", Map.of("external", true)),
                    ChartTemplateTest::existingSecret),
            new Case(
                    "Karmada kubeconfig from a Secret",
                    Map.of(
                            "karmada",
                            Map.of("kubeconfigSecret", "karmada-api", "submarinerKubeconfigKey", "broker"),
                            "config",
                            Map.of("PROMETHEUS_HOST", "http://prometheus:9090", "SCALING_ENABLED", true),
                            "allowedHosts",
                            List.of("smo.example.org")),
                    ChartTemplateTest::karmada),
            new Case(
                    "ServiceMonitor and PrometheusRule on",
                    Map.of(
                            "serviceMonitor", Map.of("enabled", true, "labels", Map.of("release", "kps")),
                            "prometheusRule", Map.of("enabled", true, "labels", Map.of("release", "kps"))),
                    ChartTemplateTest::monitoring),
            new Case(
                    "embedded database on a PersistentVolumeClaim",
                    Map.of("persistence", Map.of("enabled", true, "size", "5Gi", "storageClass", "fast")),
                    ChartTemplateTest::persistent));

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @Test
    void everyValueSetIsChecked() {
        assertThat(CASES).hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renders(Case c) {
        c.check().accept(Chart.render(c.values(), dir));
    }

    private static Node container(Rendered r) {
        return r.one("Deployment").at("spec", "template", "spec", "containers", "0");
    }

    private static String secret(Rendered r, String key) {
        String encoded = r.one("Secret").at("data", key).text();
        return encoded == null ? null : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static void defaults(Rendered r) {
        assertThat(r.kinds()).containsExactly("ServiceAccount", "Secret", "ConfigMap", "Service", "Deployment");
        Node deployment = r.one("Deployment");
        assertThat(deployment.at("spec", "replicas").value()).isEqualTo(1);
        assertThat(deployment.at("spec", "strategy", "type").text()).isEqualTo("Recreate");
        Node pod = deployment.at("spec", "template", "spec");
        assertThat(pod.at("securityContext").map())
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 65532);
        assertThat(pod.at("automountServiceAccountToken").value()).isEqualTo(false);
        Node c = container(r);
        assertThat(c.at("image").text()).isEqualTo("smo:0.1.0-SNAPSHOT");
        assertThat(c.at("securityContext").map())
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
        assertThat(c.at("livenessProbe", "httpGet", "path").text()).isEqualTo("/health/live");
        assertThat(c.at("readinessProbe", "httpGet", "path").text()).isEqualTo("/health/ready");
        assertThat(c.at("startupProbe", "httpGet", "path").text()).isEqualTo("/health/live");
        assertThat(c.at("ports", "0", "containerPort").value()).isEqualTo(8000);
        assertThat(c.at("env")
                        .named("SMO_REPLICA_ID")
                        .at("valueFrom", "fieldRef", "fieldPath")
                        .text())
                .isEqualTo("metadata.name");
        assertThat(c.at("env").named("SMO_ALLOWED_HOSTS").at("value").text())
                .isEqualTo("$(POD_IP),[$(POD_IP)],localhost,127.0.0.1,[::1],smo,smo.ops,smo.ops.svc,"
                        + "smo.ops.svc.cluster.local");
        assertThat(c.at("envFrom").list())
                .containsExactly(
                        Map.of("configMapRef", Map.of("name", "smo")), Map.of("secretRef", Map.of("name", "smo")));
        assertThat(c.at("resources", "limits", "memory").text()).isEqualTo("1536Mi");
        assertThat(pod.at("volumes").named("tmp").at("emptyDir", "sizeLimit").text())
                .isEqualTo("1Gi");
        assertThat(pod.at("volumes").named("home").map()).containsKey("emptyDir");
        assertThat(c.at("volumeMounts").named("home").at("mountPath").text()).isEqualTo("/var/lib/smo");
        assertThat(r.one("ConfigMap").at("data").map())
                .containsEntry("SMO_BIND", "0.0.0.0")
                .containsEntry("SMO_PORT", "8000")
                .containsEntry("SMO_HOME", "/var/lib/smo")
                .containsEntry("SMO_LEADER_LEASE_TTL_S", "15")
                .doesNotContainKey("KARMADA_KUBECONFIG");
        // No token given: a random one, long enough for SMO, and nothing else.
        assertThat(r.one("Secret").at("data").map()).containsOnlyKeys("SMO_API_TOKEN");
        assertThat(secret(r, "SMO_API_TOKEN")).hasSize(40);
        assertThat(r.one("Service").at("spec", "ports", "0").map())
                .containsEntry("port", 8000)
                .containsEntry("targetPort", "http");
    }

    private static void replicated(Rendered r) {
        assertThat(r.kinds())
                .containsExactly(
                        "PodDisruptionBudget", "ServiceAccount", "Secret", "ConfigMap", "Service", "Deployment");
        Node deployment = r.one("Deployment");
        assertThat(deployment.at("spec", "replicas").value()).isEqualTo(3);
        assertThat(deployment.at("spec", "strategy", "rollingUpdate").map()).containsEntry("maxUnavailable", 0);
        assertThat(r.one("PodDisruptionBudget").at("spec").map())
                .containsEntry("maxUnavailable", 1)
                .containsEntry(
                        "selector",
                        Map.of(
                                "matchLabels",
                                Map.of("app.kubernetes.io/name", "smo", "app.kubernetes.io/instance", "smo")));
        assertThat(secret(r, "SMO_DATABASE_URL")).isEqualTo(DATABASE_URL);
        assertThat(secret(r, "SMO_SEALING_KEY")).isEqualTo(SEALING_KEY);
        assertThat(secret(r, "SMO_API_TOKEN")).isEqualTo(TOKEN);
        assertThat(secret(r, "SMO_READ_TOKEN")).isEqualTo(READ_TOKEN);
        assertThat(r.one("ConfigMap").at("data").map()).doesNotContainValue(DATABASE_URL);
        Object selector = deployment.at("spec", "selector", "matchLabels").value();
        assertThat(deployment
                        .at("spec", "template", "spec", "topologySpreadConstraints", "0")
                        .map())
                .containsEntry("maxSkew", 1)
                .containsEntry("topologyKey", "kubernetes.io/hostname")
                .containsEntry("labelSelector", Map.of("matchLabels", selector));
    }

    private static void existingSecret(Rendered r) {
        assertThat(r.kinds()).doesNotContain("Secret").contains("PodDisruptionBudget");
        assertThat(container(r).at("envFrom", "1", "secretRef", "name").text()).isEqualTo("smo-prod");
        assertThat(r.one("Deployment")
                        .at("spec", "template", "metadata", "annotations")
                        .map())
                .doesNotContainKey("checksum/secret");
    }

    private static void karmada(Rendered r) {
        Node pod = r.one("Deployment").at("spec", "template", "spec");
        assertThat(pod.at("volumes").named("karmada").at("secret", "secretName").text())
                .isEqualTo("karmada-api");
        Node mount = container(r).at("volumeMounts").named("karmada");
        assertThat(mount.at("mountPath").text()).isEqualTo("/etc/smo/karmada");
        assertThat(mount.at("readOnly").value()).isEqualTo(true);
        assertThat(r.one("ConfigMap").at("data").map())
                .containsEntry("KARMADA_KUBECONFIG", "/etc/smo/karmada/kubeconfig")
                .containsEntry("SUBMARINER_KUBECONFIG", "/etc/smo/karmada/broker")
                .containsEntry("PROMETHEUS_HOST", "http://prometheus:9090")
                .containsEntry("SCALING_ENABLED", "true");
        assertThat(container(r).at("env").named("SMO_ALLOWED_HOSTS").at("value").text())
                .endsWith(",smo.example.org");
    }

    private static void monitoring(Rendered r) {
        Node monitor = r.one("ServiceMonitor");
        assertThat(monitor.at("metadata", "labels", "release").text()).isEqualTo("kps");
        assertThat(monitor.at("spec", "endpoints", "0").map())
                .containsEntry("port", "http")
                .containsEntry("path", "/metrics");
        assertThat(monitor.at("spec", "selector", "matchLabels").map())
                .isEqualTo(r.one("Service").at("spec", "selector").map());
        Node rules = r.one("PrometheusRule").at("spec", "groups", "0", "rules");
        assertThat(rules.list())
                .extracting(rule -> (Object) ((Map<?, ?>) rule).get("alert"))
                .containsExactly("SmoReplicaDown", "SmoStoreDown", "SmoNoLeader", "SmoHighErrorRate");
        assertThat(rules.at("1", "expr").text())
                .isEqualTo("max by (namespace, pod) (smo_store_up{job=\"smo\", namespace=\"ops\"}) == 0");
        assertThat(rules.at("2", "expr").text()).isEqualTo("sum(smo_leader{job=\"smo\", namespace=\"ops\"}) < 1");
        assertThat(rules.at("3", "expr").text()).contains("status=~\"5..\"").endsWith("> 0.05");
    }

    private static void persistent(Rendered r) {
        Node claim = r.one("PersistentVolumeClaim");
        assertThat(claim.at("spec", "resources", "requests", "storage").text()).isEqualTo("5Gi");
        assertThat(claim.at("spec", "storageClassName").text()).isEqualTo("fast");
        assertThat(r.one("Deployment")
                        .at("spec", "template", "spec", "volumes")
                        .named("home")
                        .at("persistentVolumeClaim", "claimName")
                        .text())
                .isEqualTo("smo");
        assertThat(r.one("Deployment").at("spec", "strategy", "type").text()).isEqualTo("Recreate");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "replicas without an external database",
                        Map.of("replicaCount", 3),
                        "replicaCount (3) needs an external PostgreSQL"),
                Arguments.of(
                        "database.external without a URL anywhere",
                        Map.of("database", Map.of("external", true)),
                        "database.external is true, but neither database.url nor existingSecret"),
                Arguments.of(
                        "external database without a sealing key",
                        Map.of("database", Map.of("url", DATABASE_URL)),
                        "An external database needs sealingKey"),
                Arguments.of(
                        "short token",
                        Map.of("auth", Map.of("apiToken", "short")),
                        "auth.apiToken is 5 characters long; use at least 16."),
                Arguments.of(
                        "read token equal to the write token",
                        Map.of("auth", Map.of("apiToken", TOKEN, "readToken", TOKEN)),
                        "auth.readToken equals auth.apiToken"),
                Arguments.of(
                        "persistence with an external database",
                        Map.of(
                                "database",
                                Map.of("url", DATABASE_URL),
                                "sealingKey",
                                SEALING_KEY,
                                "persistence",
                                Map.of("enabled", true)),
                        "persistence.enabled is true with an external database"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String name, Map<String, Object> values, String message) {
        assertThatThrownBy(() -> Chart.render(values, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everyRefusalIsChecked() {
        assertThat(refusals()).hasSize(6);
    }
}
