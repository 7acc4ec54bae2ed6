package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.ClusterRegistry;
import dev.smo.core.spi.ClusterRegistry.MemberState.Phase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining a member in push mode, on the Kubernetes mock: the objects karmadactl join makes, readiness, leaving. */
class KarmadaMembersIT {

    /** The properties of {@code spec} in Karmada's Cluster CRD ({@code cluster.karmada.io_clusters.yaml}). */
    private static final Set<String> CLUSTER_SPEC_FIELDS = Set.of(
            "id",
            "syncMode",
            "apiEndpoint",
            "secretRef",
            "impersonatorSecretRef",
            "insecureSkipTLSVerification",
            "proxyURL",
            "proxyHeader",
            "provider",
            "region",
            "zone",
            "zones",
            "taints",
            "resourceModels");

    private static final String CA = Base64.getEncoder()
            .encodeToString(
                    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private FakeMemberController controller;
    private ClusterRegistry registry;

    @BeforeEach
    void start() {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        controller = new FakeMemberController(mock.apiClient());
        registry = KarmadaMembers.connect(mock.apiClient(), RetryPolicy.NONE);
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    static String kubeconfig(String server, String ca, boolean insecure, String token) {
        return "apiVersion: v1\nkind: Config\ncurrent-context: admin@k8s\n"
                + "clusters:\n- name: other\n  cluster: {server: 'https://wrong:6443'}\n"
                + "- name: k8s\n  cluster:\n    server: " + server + "\n"
                + (ca == null ? "" : "    certificate-authority-data: " + ca + "\n")
                + (insecure ? "    insecure-skip-tls-verify: true\n" : "")
                + "contexts:\n- name: admin@k8s\n  context: {cluster: k8s, user: admin}\n"
                + "users:\n- name: admin\n  user: {token: " + token + "}\n";
    }

    @Test
    @SuppressWarnings("unchecked")
    void joinMakesTheClusterAndSecretsKarmadactlMakesInPushMode() throws Exception {
        registry.join(
                "os-k8s-1-abcde",
                kubeconfig("https://10.0.0.10:6443", CA, false, "s3cr3t-token"),
                Map.of("smo.dev/pop-area", "1"));

        Map<String, Object> cluster = controller.cluster("os-k8s-1-abcde");
        Map<String, Object> spec = (Map<String, Object>) cluster.get("spec");
        assertThat(CLUSTER_SPEC_FIELDS).containsAll(spec.keySet());
        assertThat(spec)
                .containsEntry("syncMode", "Push")
                .containsEntry("apiEndpoint", "https://10.0.0.10:6443")
                .containsEntry("secretRef", Map.of("namespace", "karmada-cluster", "name", "os-k8s-1-abcde"))
                .containsEntry(
                        "impersonatorSecretRef",
                        Map.of("namespace", "karmada-cluster", "name", "os-k8s-1-abcde-impersonator"))
                .doesNotContainKey("insecureSkipTLSVerification");
        assertThat((Map<String, Object>) ((Map<String, Object>) cluster.get("metadata")).get("labels"))
                .containsEntry("smo.dev/pop-area", "1");

        List<Map<String, Object>> secrets = karmada.list("", "v1", "karmada-cluster", "secrets");
        assertThat(secrets).hasSize(2);
        Map<String, Object> secret = byName(secrets, "os-k8s-1-abcde");
        assertThat(secret).containsEntry("type", "Opaque");
        assertThat((Map<String, Object>) secret.get("data"))
                .containsOnlyKeys("caBundle", "token")
                .containsEntry("caBundle", CA)
                .containsEntry("token", base64("s3cr3t-token"));
        assertThat((Map<String, Object>)
                        byName(secrets, "os-k8s-1-abcde-impersonator").get("data"))
                .containsOnlyKeys("token")
                .containsEntry("token", base64("s3cr3t-token"));
        assertThat(registry.state("os-k8s-1-abcde").phase()).isEqualTo(Phase.NOT_READY);
    }

    @Test
    @SuppressWarnings("unchecked")
    void insecureSkipTlsVerificationOnlyWhenTheKubeconfigSaysSoAndAJoinAgainConverges() throws Exception {
        registry.join("edge", kubeconfig("https://192.0.2.7:6443", null, true, "t1"), Map.of("a", "1"));
        registry.join("edge", kubeconfig("https://192.0.2.8:6443", null, true, "t2"), Map.of("a", "2"));

        Map<String, Object> spec =
                (Map<String, Object>) controller.cluster("edge").get("spec");
        assertThat(spec)
                .containsEntry("insecureSkipTLSVerification", true)
                .containsEntry("apiEndpoint", "https://192.0.2.8:6443");
        Map<String, Object> secret = byName(karmada.list("", "v1", "karmada-cluster", "secrets"), "edge");
        assertThat((Map<String, Object>) secret.get("data"))
                .containsOnlyKeys("token")
                .containsEntry("token", base64("t2"));
    }

    @Test
    void readinessIsTheReadyConditionAndLeavingRemovesEverything() throws Exception {
        assertThat(registry.state("edge").phase()).isEqualTo(Phase.ABSENT);
        registry.join("edge", kubeconfig("https://192.0.2.7:6443", CA, false, "t"), Map.of());

        controller.notReady("edge");
        ClusterRegistry.MemberState notReady = registry.state("edge");
        assertThat(notReady.phase()).isEqualTo(Phase.NOT_READY);
        assertThat(notReady.reason()).isEqualTo("ClusterNotReachable: cluster is not reachable");

        controller.ready("edge", "8", "16Gi");
        assertThat(registry.state("edge").phase()).isEqualTo(Phase.READY);
        assertThat(Karmada.connect(KarmadaConfig.of(mock.kubeconfig()), mock.apiClient(), null)
                        .inventory()
                        .clusters())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.name()).isEqualTo("edge");
                    assertThat(c.ready()).isTrue();
                    assertThat(c.cpuMillis()).isEqualTo(8000);
                });

        registry.leave("edge");
        registry.leave("edge");
        assertThat(registry.state("edge").phase()).isEqualTo(Phase.ABSENT);
        assertThat(karmada.list("", "v1", "karmada-cluster", "secrets")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKubeconfigWithoutTokenGetsAServiceAccountTokenFromTheMemberAsKarmadactlDoes() throws Exception {
        try (KarmadaMockServer member =
                KarmadaMockServer.start(java.nio.file.Files.createDirectories(dir.resolve("m")))) {
            // The member's token controller fills in the service account's token Secret.
            var core = new io.kubernetes.client.openapi.apis.CoreV1Api(member.apiClient());
            var tokenController = java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        var secret = core.readNamespacedSecret("karmada-edge", "karmada-cluster")
                                .execute();
                        secret.setData(Map.of(
                                "token", "sa-token".getBytes(StandardCharsets.UTF_8),
                                "ca.crt", Base64.getDecoder().decode(CA)));
                        core.replaceNamespacedSecret("karmada-edge", "karmada-cluster", secret)
                                .execute();
                        return;
                    } catch (io.kubernetes.client.openapi.ApiException notYet) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
            String certOnly = """
                    apiVersion: v1
                    kind: Config
                    current-context: kubernetes-admin@kubernetes
                    clusters:
                    - name: kubernetes
                      cluster: {server: '%s'}
                    contexts:
                    - name: kubernetes-admin@kubernetes
                      context: {cluster: kubernetes, user: kubernetes-admin}
                    users:
                    - name: kubernetes-admin
                      user: {}
                    """.formatted(member.url());

            registry.join("edge", certOnly, Map.of());
            tokenController.get(10, java.util.concurrent.TimeUnit.SECONDS);

            Map<String, Object> account = byName(
                    new FakeKarmada(member.apiClient()).list("", "v1", "karmada-cluster", "serviceaccounts"),
                    "karmada-edge");
            assertThat(account).isNotNull();
            Map<String, Object> secret = byName(karmada.list("", "v1", "karmada-cluster", "secrets"), "edge");
            assertThat((Map<String, Object>) secret.get("data"))
                    .containsEntry("token", base64("sa-token"))
                    .containsEntry("caBundle", CA);
            assertThat((Map<String, Object>) controller.cluster("edge").get("spec"))
                    .containsEntry("apiEndpoint", member.url());
        }
    }

    @Test
    void anUnusableKubeconfigIsRefusedWithoutEchoingSecrets() {
        String unreachable = """
                apiVersion: v1
                clusters:
                - name: k
                  cluster: {server: 'http://127.0.0.1:1'}
                users:
                - name: u
                  user: {client-key-data: c2VjcmV0LWtleQ==}
                """;
        assertThatThrownBy(() -> registry.join("edge", unreachable, Map.of()))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("edge")
                .hasMessageNotContaining("c2VjcmV0LWtleQ");
        assertThatThrownBy(() -> registry.join("edge", "users: []\n", Map.of()))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("no server");
        assertThatThrownBy(() -> registry.join("Not_A_Label", kubeconfig("https://x", null, false, "t"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> byName(List<Map<String, Object>> items, String name) {
        return items.stream()
                .filter(i -> name.equals(((Map<?, ?>) i.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow();
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
