package dev.smo.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.AlertRule;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.AlertRuleStore;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the fabric8 Kubernetes mock (CRUD mode) with the PrometheusRule CRD registered. */
class PrometheusRuleObjectsIT {

    private static final String NS = "monitoring";
    private static final AlertRule HIGH_CPU = new AlertRule(
            "high-cpu",
            "sum(rate(cpu[1m])) > 0.8",
            "2m",
            Map.of("graph", "shop", "service", "api", "severity", "critical"),
            Map.of("description", "CPU above 80 %", "summary", "CPU above 80 %"));
    private static final AlertRule QUEUE = new AlertRule(
            "queue-long",
            "queue_length > 100",
            null,
            Map.of("graph", "shop", "service", "worker", "severity", "critical"),
            Map.of());

    private final PrometheusOperatorMock mock = PrometheusOperatorMock.start();
    private final CustomObjectsApi api = new CustomObjectsApi(mock.apiClient());
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AlertRuleStore store = PrometheusRuleObjects.create(
            PrometheusOperatorConfig.defaults().withLabels(Map.of("release", "kube-prometheus-stack")),
            mock.recordingApiClient(requests));

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void replaceCreatesOneLabelledObjectPerGroup() throws Exception {
        store.replace("shop-project", "smo-shop", List.of(HIGH_CPU));

        Map<String, Object> object = get("smo-shop");
        assertThat(object)
                .containsEntry("apiVersion", "monitoring.coreos.com/v1")
                .containsEntry("kind", "PrometheusRule");
        assertThat(map(object, "metadata")).containsEntry("name", "smo-shop").containsEntry("namespace", NS);
        assertThat(map(map(object, "metadata"), "labels"))
                .containsEntry("release", "kube-prometheus-stack")
                .containsEntry("app.kubernetes.io/managed-by", "smo")
                .containsEntry("smo.dev/namespace", "shop-project");
        List<?> groups = (List<?>) map(object, "spec").get("groups");
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(((Map<?, ?>) g).get("name")).isEqualTo("smo-shop");
            assertThat((List<?>) ((Map<?, ?>) g).get("rules"))
                    .singleElement()
                    .isEqualTo(Map.of(
                            "alert",
                            "high-cpu",
                            "expr",
                            "sum(rate(cpu[1m])) > 0.8",
                            "for",
                            "2m",
                            "labels",
                            Map.of("graph", "shop", "service", "api", "severity", "critical"),
                            "annotations",
                            Map.of("description", "CPU above 80 %", "summary", "CPU above 80 %")));
        });
    }

    @Test
    void replaceSendsTheCurrentResourceVersionAndSwapsTheRules() throws Exception {
        store.replace("shop-project", "smo-shop", List.of(HIGH_CPU));
        String firstVersion = (String) map(get("smo-shop"), "metadata").get("resourceVersion");

        store.replace("shop-project", "smo-shop", List.of(QUEUE));

        assertThat(requests.get(requests.size() - 1))
                .startsWith("PUT " + path("smo-shop"))
                .contains("\"resourceVersion\":\"" + firstVersion + "\"");
        Map<String, Object> object = get("smo-shop");
        assertThat(map(object, "metadata").get("resourceVersion")).isNotEqualTo(firstVersion);
        List<?> groups = (List<?>) map(object, "spec").get("groups");
        assertThat(groups)
                .singleElement()
                .satisfies(g -> assertThat((List<?>) ((Map<?, ?>) g).get("rules"))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(asMap(r))
                                    .containsEntry("alert", "queue-long")
                                    .doesNotContainKey("for")
                                    .doesNotContainKey("annotations");
                        }));
        assertThat(list()).hasSize(1);
    }

    @Test
    void aConflictIsRetriedOnce() throws Exception {
        store.replace("shop-project", "smo-shop", List.of(HIGH_CPU));
        mock.server()
                .expect()
                .put()
                .withPath(path("smo-shop"))
                .andReturn(
                        409,
                        status(
                                409,
                                "Conflict",
                                "Operation cannot be fulfilled on prometheusrules.monitoring.coreos.com \"smo-shop\": the object has"
                                        + " been modified; please apply your changes to the latest version and try again"))
                .once();
        requests.clear();

        store.replace("shop-project", "smo-shop", List.of(QUEUE));

        assertThat(requests)
                .extracting(r -> r.substring(0, r.indexOf(' ')))
                .containsExactly("GET", "PUT", "GET", "PUT");

        assertThat(rulesOf("smo-shop"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("alert")).isEqualTo("queue-long"));
    }

    @Test
    void aSecondConflictFailsWithTheApiServersMessage() {
        store.replace("shop-project", "smo-shop", List.of(HIGH_CPU));
        mock.server()
                .expect()
                .put()
                .withPath(path("smo-shop"))
                .andReturn(409, status(409, "Conflict", "the object has been modified"))
                .times(2);

        assertThatThrownBy(() -> store.replace("shop-project", "smo-shop", List.of(QUEUE)))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("PrometheusRule (monitoring/smo-shop) not written")
                .hasMessageContaining("HTTP 409: the object has been modified");
    }

    @Test
    void anEmptyListDeletesTheObjectAndAMissingOneIsFine() throws Exception {
        store.replace("shop-project", "smo-shop", List.of(HIGH_CPU));

        store.replace("shop-project", "smo-shop", List.of());
        store.replace("shop-project", "smo-shop", List.of());
        store.replace("shop-project", "smo-never-written", List.of());

        assertThat(list()).isEmpty();
    }

    @Test
    void otherObjectsAndGroupsAreNeverTouched() throws Exception {
        Map<String, Object> foreign = foreignRule("kube-prometheus-stack-0");
        api.createNamespacedCustomObject("monitoring.coreos.com", "v1", NS, "prometheusrules", foreign)
                .execute();
        Map<String, Object> before = get("kube-prometheus-stack-0");

        store.replace("shop-project", "smo-shop", List.of(HIGH_CPU));
        store.replace("other-project", "smo-cart", List.of(QUEUE));
        store.replace("shop-project", "smo-shop", List.of(QUEUE));
        store.replace("shop-project", "smo-shop", List.of());

        assertThat(get("kube-prometheus-stack-0")).isEqualTo(before);
        assertThat(rulesOf("smo-cart"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("alert")).isEqualTo("queue-long"));
        assertThat(list()).containsExactlyInAnyOrder("kube-prometheus-stack-0", "smo-cart");
    }

    @Test
    void anObjectSmoDidNotCreateIsRefusedAndLeftAlone() throws Exception {
        api.createNamespacedCustomObject("monitoring.coreos.com", "v1", NS, "prometheusrules", foreignRule("smo-shop"))
                .execute();
        Map<String, Object> before = get("smo-shop");

        assertThatThrownBy(() -> store.replace("shop-project", "smo-shop", List.of(HIGH_CPU)))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("was not created by SMO");
        assertThatThrownBy(() -> store.replace("shop-project", "smo-shop", List.of()))
                .isInstanceOf(SmoIntegrationException.class);
        assertThat(get("smo-shop")).isEqualTo(before);
    }

    @Test
    void apiServerErrorsCarryItsMessage() {
        mock.server()
                .expect()
                .get()
                .withPath(path("smo-shop"))
                .andReturn(500, status(500, "InternalError", "etcdserver: request timed out"))
                .once();

        assertThatThrownBy(() -> store.replace("shop-project", "smo-shop", List.of(HIGH_CPU)))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("PrometheusRule (monitoring/smo-shop)")
                .hasMessageContaining("HTTP 500: etcdserver: request timed out");
    }

    @Test
    void aMissingCrdOrNamespaceGetsAHint() {
        mock.server()
                .expect()
                .get()
                .withPath(path("smo-shop"))
                .andReturn(404, status(404, "NotFound", "the server could not find the requested resource"))
                .once();
        mock.server()
                .expect()
                .post()
                .withPath(String.format(PrometheusOperatorMock.RULES_PATH, NS))
                .andReturn(404, status(404, "NotFound", "the server could not find the requested resource"))
                .once();

        assertThatThrownBy(() -> store.replace("shop-project", "smo-shop", List.of(HIGH_CPU)))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("HTTP 404: the server could not find the requested resource")
                .hasMessageContaining("Maybe the Prometheus Operator's CRDs are not installed");
    }

    @Test
    void aKubeconfigAndAnotherNamespaceWork(@TempDir Path dir) throws Exception {
        AlertRuleStore fromFile = PrometheusRuleObjects.create(
                PrometheusOperatorConfig.of(mock.writeKubeconfig(dir)).withNamespace("observability"));

        fromFile.replace("shop-project", "smo-shop", List.of(HIGH_CPU));

        Object object = api.getNamespacedCustomObject(
                        "monitoring.coreos.com", "v1", "observability", "prometheusrules", "smo-shop")
                .execute();
        assertThat(map(asMap(object), "metadata")).containsEntry("namespace", "observability");
        assertThat(list()).isEmpty();
    }

    @Test
    void groupsThatCannotNameAnObjectAreRefused() {
        assertThatThrownBy(() -> store.replace("shop-project", "smo_Shop", List.of(HIGH_CPU)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smo_Shop");
    }

    private static Map<String, Object> foreignRule(String name) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("apiVersion", "monitoring.coreos.com/v1");
        rule.put("kind", "PrometheusRule");
        rule.put(
                "metadata",
                Map.of("name", name, "namespace", NS, "labels", Map.of("release", "kube-prometheus-stack")));
        rule.put(
                "spec",
                Map.of(
                        "groups",
                        List.of(Map.of(
                                "name",
                                "smo-alerts",
                                "rules",
                                List.of(Map.of(
                                        "alert",
                                        "by-hand",
                                        "expr",
                                        "up == 0",
                                        "labels",
                                        Map.of("severity", "critical")))))));
        return rule;
    }

    private static Map<String, Object> status(int code, String reason, String message) {
        return Map.of(
                "kind",
                "Status",
                "apiVersion",
                "v1",
                "metadata",
                Map.of(),
                "status",
                "Failure",
                "message",
                message,
                "reason",
                reason,
                "code",
                code);
    }

    private static String path(String name) {
        return String.format(PrometheusOperatorMock.RULES_PATH, NS) + "/" + name;
    }

    private Map<String, Object> get(String name) throws ApiException {
        return asMap(api.getNamespacedCustomObject("monitoring.coreos.com", "v1", NS, "prometheusrules", name)
                .execute());
    }

    private List<Map<String, Object>> rulesOf(String name) throws ApiException {
        List<?> groups = (List<?>) map(get(name), "spec").get("groups");
        assertThat(groups).hasSize(1);
        return ((List<?>) ((Map<?, ?>) groups.get(0)).get("rules"))
                .stream().map(PrometheusRuleObjectsIT::asMap).toList();
    }

    private List<String> list() throws ApiException {
        Map<String, Object> list =
                asMap(api.listNamespacedCustomObject("monitoring.coreos.com", "v1", NS, "prometheusrules")
                        .execute());
        return ((List<?>) list.get("items"))
                .stream()
                        .map(i -> (String) map(asMap(i), "metadata").get("name"))
                        .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> map(Map<String, Object> o, String key) {
        return asMap(o.get(key));
    }
}
