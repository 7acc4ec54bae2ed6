package dev.smo.observability;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 Kubernetes mock in CRUD mode on 127.0.0.1 with the Prometheus Operator's
 * {@code prometheusrules.monitoring.coreos.com} CRD registered; expectations (faults) take precedence over CRUD.
 * (smo-karmada's KarmadaMockServer does not register this CRD and keeps its fault hook package-private.)
 */
final class PrometheusOperatorMock implements AutoCloseable {

    static final String RULES_PATH = "/apis/monitoring.coreos.com/v1/namespaces/%s/prometheusrules";

    private final KubernetesMockServer server;

    private PrometheusOperatorMock(KubernetesMockServer server) {
        this.server = server;
    }

    static PrometheusOperatorMock start() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        var prometheusRules = new CustomResourceDefinitionContext.Builder()
                .withGroup("monitoring.coreos.com")
                .withVersion("v1")
                .withPlural("prometheusrules")
                .withKind("PrometheusRule")
                .withScope("Namespaced")
                .build();
        var server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                responses,
                new KubernetesMixedDispatcher(responses, List.of(prometheusRules)),
                false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return new PrometheusOperatorMock(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    ApiClient apiClient() {
        return Config.fromUrl(url(), false);
    }

    /**
     * @param log receives "METHOD path body" of every request the client sends
     * @return a client recording its requests (the mock does not keep request bodies)
     */
    ApiClient recordingApiClient(List<String> log) {
        ApiClient client = apiClient();
        client.setHttpClient(client.getHttpClient()
                .newBuilder()
                .addInterceptor(chain -> {
                    var request = chain.request();
                    var body = new okio.Buffer();
                    if (request.body() != null) {
                        request.body().writeTo(body);
                    }
                    log.add(request.method() + " " + request.url().encodedPath() + " " + body.readUtf8());
                    return chain.proceed(request);
                })
                .build());
        return client;
    }

    KubernetesMockServer server() {
        return server;
    }

    Path writeKubeconfig(Path dir) throws IOException {
        Path file = dir.resolve("operator.kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                users:
                  - name: smo
                    user: {}
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: smo
                current-context: mock
                """.formatted(url()));
        return file;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
