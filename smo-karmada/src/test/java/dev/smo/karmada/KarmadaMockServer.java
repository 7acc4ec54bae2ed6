package dev.smo.karmada;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 Kubernetes mock in CRUD mode on 127.0.0.1, standing in for the Karmada API server: discovery
 * stubbed for the groups Helm and SMO use, Karmada's and Submariner's CRDs registered, expectations
 * (faults) that take precedence over CRUD, and JSON merge patches that replace lists as RFC 7386 says
 * ({@link RfcMergePatchDispatcher}).
 */
public final class KarmadaMockServer implements AutoCloseable {

    /** One API resource the stubbed discovery announces. */
    record ApiResource(String group, String version, String plural, String kind, boolean namespaced) {

        String groupVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    static final List<ApiResource> RESOURCES = List.of(
            new ApiResource("", "v1", "namespaces", "Namespace", false),
            new ApiResource("", "v1", "services", "Service", true),
            new ApiResource("", "v1", "serviceaccounts", "ServiceAccount", true),
            new ApiResource("", "v1", "configmaps", "ConfigMap", true),
            new ApiResource("", "v1", "secrets", "Secret", true),
            new ApiResource("", "v1", "pods", "Pod", true),
            new ApiResource("apps", "v1", "deployments", "Deployment", true),
            new ApiResource(
                    "apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false),
            new ApiResource("cluster.karmada.io", "v1alpha1", "clusters", "Cluster", false),
            new ApiResource("policy.karmada.io", "v1alpha1", "propagationpolicies", "PropagationPolicy", true),
            new ApiResource(
                    "policy.karmada.io", "v1alpha1", "clusterpropagationpolicies", "ClusterPropagationPolicy", false),
            new ApiResource("multicluster.x-k8s.io", "v1alpha1", "serviceexports", "ServiceExport", true),
            new ApiResource("multicluster.x-k8s.io", "v1alpha1", "serviceimports", "ServiceImport", true),
            new ApiResource("submariner.io", "v1", "clusters", "Cluster", true),
            new ApiResource("monitoring.coreos.com", "v1", "servicemonitors", "ServiceMonitor", true));

    private final KubernetesMockServer server;
    private final Path kubeconfig;

    private KarmadaMockServer(KubernetesMockServer server, Path kubeconfig) {
        this.server = server;
        this.kubeconfig = kubeconfig;
    }

    /**
     * @param workDir where to write the kubeconfig pointing at the mock
     * @return a started mock with discovery stubs and the CRDs
     */
    public static KarmadaMockServer start(Path workDir) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        List<CustomResourceDefinitionContext> crds = new ArrayList<>();
        for (ApiResource r : RESOURCES) {
            if (!r.group().isEmpty() && !r.group().equals("apps") && !r.group().equals("apiextensions.k8s.io")) {
                crds.add(new CustomResourceDefinitionContext.Builder()
                        .withGroup(r.group())
                        .withVersion(r.version())
                        .withPlural(r.plural())
                        .withKind(r.kind())
                        .withScope(r.namespaced() ? "Namespaced" : "Cluster")
                        .build());
            }
        }
        var server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new RfcMergePatchDispatcher(responses, crds), false);
        try {
            server.init(InetAddress.getLoopbackAddress(), 0);
            var mock = new KarmadaMockServer(server, workDir.resolve("karmada.kubeconfig"));
            mock.stubDiscovery();
            Files.writeString(mock.kubeconfig, kubeconfigYaml(mock.url()));
            return mock;
        } catch (IOException e) {
            server.destroy();
            throw new UncheckedIOException(e);
        }
    }

    /** @return the server's base URL, {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** @return a kubeconfig file pointing at this mock (no credentials) */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** @return a fresh client-java client talking to this mock */
    public ApiClient apiClient() {
        return Config.fromUrl(url(), false);
    }

    /** @return the underlying fabric8 mock, to enqueue expectations */
    KubernetesMockServer server() {
        return server;
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
        stub(
                "/api",
                Map.of(
                        "kind",
                        "APIVersions",
                        "versions",
                        List.of("v1"),
                        "serverAddressByClientCIDRs",
                        List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", "127.0.0.1:" + server.getPort()))));
        Map<String, List<ApiResource>> byGroupVersion = new LinkedHashMap<>();
        for (ApiResource r : RESOURCES) {
            byGroupVersion
                    .computeIfAbsent(r.groupVersion(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byGroupVersion.forEach((gv, resources) -> {
            ApiResource first = resources.get(0);
            if (!first.group().isEmpty()) {
                Map<String, Object> version = Map.of("groupVersion", gv, "version", first.version());
                groups.add(Map.of("name", first.group(), "versions", List.of(version), "preferredVersion", version));
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (ApiResource r : resources) {
                list.add(Map.of(
                        "name",
                        r.plural(),
                        "singularName",
                        r.kind().toLowerCase(java.util.Locale.ROOT),
                        "namespaced",
                        r.namespaced(),
                        "kind",
                        r.kind(),
                        "verbs",
                        List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")));
            }
            String path = first.group().isEmpty() ? "/api/" + gv : "/apis/" + gv;
            stub(path, Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", gv, "resources", list));
        });
        stub("/apis", Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups));
        // No OpenAPI documents: Helm then skips schema validation (the CRUD mock would answer with a JSON list
        // that Helm tries to read as protobuf).
        for (String openapi : List.of("/openapi/v2", "/openapi/v3")) {
            Map<String, Object> notFound = Map.of(
                    "kind",
                    "Status",
                    "apiVersion",
                    "v1",
                    "status",
                    "Failure",
                    "reason",
                    "NotFound",
                    "code",
                    404,
                    "message",
                    "the server could not find the requested resource");
            server.expect().get().withPath(openapi).andReturn(404, notFound).always();
            server.expect()
                    .get()
                    .withPath(openapi + "?timeout=32s")
                    .andReturn(404, notFound)
                    .always();
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

    private static String kubeconfigYaml(String url) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: karmada
                    cluster:
                      server: %s
                users:
                  - name: smo
                    user: {}
                contexts:
                  - name: karmada
                    context:
                      cluster: karmada
                      user: smo
                current-context: karmada
                """.formatted(url);
    }

    @Override
    public void close() {
        server.destroy();
    }
}
