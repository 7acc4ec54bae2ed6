package dev.smo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.AlertRule;
import dev.smo.core.ChartRef;
import dev.smo.core.GraphStatus;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.GraphStore;
import dev.smo.intent.ResourceRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What goes into the JSON columns comes back equal, with types, order and text preserved. */
class JsonRoundTripIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static GraphStore store;

    @BeforeAll
    static void createStore() {
        store = PostgresGraphStore.create(DB.dataSource());
    }

    @Test
    void helmValuesRoundTripWithTheirJavaTypes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("int", 42);
        values.put("negative", -7);
        values.put("long", 5_000_000_000L);
        values.put("double", 0.1);
        values.put("wholeDouble", 2.0);
        values.put("tiny", 1.0e-12);
        values.put("huge", 1.7976931348623157e308);
        values.put("true", true);
        values.put("false", false);
        values.put("null", null);
        values.put("empty", "");
        values.put("unicode", "Zürich – 東京 – 🚀 \"quoted\" back\\slash\nnew line \t tab \u0001");
        values.put("list", Arrays.asList(1, "two", 3.5, null, List.of(), Map.of()));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", Map.of("deep", List.of(Map.of("k", 1L << 40))));
        nested.put("a", new ArrayList<>(List.of(true, false)));
        values.put("nested", nested);
        StoredService service = new StoredService(
                "svc",
                ServiceStatus.PENDING,
                "c1",
                2,
                new ResourceRequest(250, 1L << 30, 0, 1),
                new ChartRef("oci://registry/svc:1.0", "App", "HELM"),
                values,
                List.of(
                        new AlertRule("hot", "x > 1", null, Map.of(), Map.of("summary", "ünïcode")),
                        new AlertRule("cold", "y < 1", "5m", Map.of("severity", "warning"), Map.of())),
                "last: “error”",
                "http://grafana/d/svc");

        store.insert(graph("values").withServices(List.of(service)), List.of());

        StoredService found = store.find("values").orElseThrow().service("svc").orElseThrow();
        assertThat(found).isEqualTo(service);
        assertThat(found.values().keySet()).containsExactlyElementsOf(values.keySet());
        assertThat(found.values().get("long")).isInstanceOf(Long.class);
        assertThat(found.values().get("int")).isInstanceOf(Integer.class);
        assertThat(found.values().get("wholeDouble")).isInstanceOf(Double.class);
        assertThat(found.values()).containsEntry("huge", Double.MAX_VALUE).containsEntry("null", null);
    }

    @Test
    void descriptorTextAndPlacementOrderAreKeptExactly() {
        String descriptor = "{\"hdaGraph\": {\"zeta\": 1, \"alpha\": [1.50, 2e3], \"id\": \"exact\"},  \"b\":{}}";
        Map<String, String> placement = new LinkedHashMap<>();
        placement.put("web", "c2");
        placement.put("db", "c1");
        placement.put("a-very-long-service-name", "c3");
        StoredGraph graph = new StoredGraph(
                "exact", "p", GraphStatus.DEPLOYING, descriptor, placement, null, List.of(), 0, null, null);

        store.insert(graph, List.of());

        StoredGraph found = store.find("exact").orElseThrow();
        assertThat(found.descriptor()).isEqualTo(descriptor);
        assertThat(found.placement().keySet()).containsExactly("web", "db", "a-very-long-service-name");
    }

    @Test
    void clusterLabelsRoundTrip() {
        store.replaceClusters(List.of(new dev.smo.core.ClusterInfo(
                "edge", true, 1, 2, 3, Map.of("topology.kubernetes.io/zone", "bxl-1", "ünï", "çödé"), null, null)));

        assertThat(store.clusters().get(0).labels())
                .containsExactlyInAnyOrderEntriesOf(Map.of("topology.kubernetes.io/zone", "bxl-1", "ünï", "çödé"));
    }

    private static StoredGraph graph(String name) {
        return new StoredGraph(name, "p", GraphStatus.DEPLOYING, "{}", Map.of(), null, List.of(), 0, null, null);
    }
}
