package dev.smo.dist;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 Kubernetes mock in CRUD mode on 127.0.0.1, with discovery stubbed for the kinds the chart creates (the
 * CRUD mock answers discovery with its stored objects, which Helm cannot read).
 */
final class KubernetesMock implements AutoCloseable {

    /** One API resource the stubbed discovery announces. */
    record ApiResource(String group, String version, String plural, String kind) {

        String groupVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    static final List<ApiResource> RESOURCES = List.of(
            new ApiResource("", "v1", "namespaces", "Namespace"),
            new ApiResource("", "v1", "serviceaccounts", "ServiceAccount"),
            new ApiResource("", "v1", "secrets", "Secret"),
            new ApiResource("", "v1", "configmaps", "ConfigMap"),
            new ApiResource("", "v1", "services", "Service"),
            new ApiResource("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim"),
            new ApiResource("apps", "v1", "deployments", "Deployment"),
            new ApiResource("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget"),
            new ApiResource("monitoring.coreos.com", "v1", "servicemonitors", "ServiceMonitor"),
            new ApiResource("monitoring.coreos.com", "v1", "prometheusrules", "PrometheusRule"));

    private final KubernetesMockServer server;

    private KubernetesMock(KubernetesMockServer server) {
        this.server = server;
    }

    static KubernetesMock start() throws java.io.IOException {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        List<CustomResourceDefinitionContext> crds = new ArrayList<>();
        for (ApiResource r : RESOURCES) {
            if (r.group().contains(".")) {
                crds.add(new CustomResourceDefinitionContext.Builder()
                        .withGroup(r.group())
                        .withVersion(r.version())
                        .withPlural(r.plural())
                        .withKind(r.kind())
                        .withScope("Namespaced")
                        .build());
            }
        }
        var server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses, crds), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        var mock = new KubernetesMock(server);
        mock.stubDiscovery();
        return mock;
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** @return a kubeconfig naming this mock, without credentials */
    String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s"}}]
                users: [{name: test, user: {}}]
                contexts: [{name: mock, context: {cluster: mock, user: test}}]
                current-context: mock
                """.formatted(url());
    }

    /** @return a fabric8 client reading what Helm created */
    KubernetesClient client() {
        Config config = new ConfigBuilder().withMasterUrl(url()).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private void stubDiscovery() {
        stub(
                "/version",
                Map.of(
                        "major",
                        "1",
                        "minor",
                        "32",
                        "gitVersion",
                        "v1.32.0",
                        "platform",
                        "linux/amd64",
                        "goVersion",
                        "go1.23.0",
                        "compiler",
                        "gc",
                        "gitCommit",
                        "0",
                        "gitTreeState",
                        "clean",
                        "buildDate",
                        "2025-01-01T00:00:00Z"));
        stub("/api", Map.of("kind", "APIVersions", "versions", List.of("v1")));
        Map<String, List<ApiResource>> byGroupVersion = new LinkedHashMap<>();
        RESOURCES.forEach(r -> byGroupVersion
                .computeIfAbsent(r.groupVersion(), k -> new ArrayList<>())
                .add(r));
        List<Map<String, Object>> groups = new ArrayList<>();
        byGroupVersion.forEach((gv, resources) -> {
            ApiResource first = resources.get(0);
            if (!first.group().isEmpty()) {
                Map<String, Object> version = Map.of("groupVersion", gv, "version", first.version());
                groups.add(Map.of("name", first.group(), "versions", List.of(version), "preferredVersion", version));
            }
            List<Map<String, Object>> list = resources.stream()
                    .map(r -> Map.<String, Object>of(
                            "name", r.plural(),
                            "singularName", r.kind().toLowerCase(Locale.ROOT),
                            "namespaced", !r.kind().equals("Namespace"),
                            "kind", r.kind(),
                            "verbs", List.of("create", "delete", "get", "list", "patch", "update", "watch")))
                    .toList();
            String path = first.group().isEmpty() ? "/api/" + gv : "/apis/" + gv;
            stub(path, Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", gv, "resources", list));
        });
        stub("/apis", Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups));
        // No OpenAPI documents: Helm then skips schema validation.
        Map<String, Object> notFound =
                Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure", "reason", "NotFound", "code", 404);
        for (String path :
                List.of("/openapi/v2", "/openapi/v2?timeout=32s", "/openapi/v3", "/openapi/v3?timeout=32s")) {
            server.expect().get().withPath(path).andReturn(404, notFound).always();
        }
    }

    private void stub(String path, Object body) {
        server.expect().get().withPath(path).andReturn(200, body).always();
        server.expect()
                .get()
                .withPath(path + "?timeout=32s")
                .andReturn(200, body)
                .always();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
