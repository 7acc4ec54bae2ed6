package dev.smo.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.AlertRule;
import dev.smo.core.ChartRef;
import dev.smo.core.ClusterInfo;
import dev.smo.core.ConcurrentUpdateException;
import dev.smo.core.GraphAlreadyExistsException;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphNotFoundException;
import dev.smo.core.GraphStatus;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.intent.ResourceRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link GraphStore} must have. Implementations extend this class and supply an empty store.
 */
public abstract class GraphStoreContract {

    protected GraphStore store;

    /** @return a store holding no graphs, events or clusters */
    protected abstract GraphStore emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    public static StoredService service(String name, ServiceStatus status, String cluster) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("clustersAffinity", cluster == null ? List.of() : List.of(cluster));
        values.put("nested", Map.of("replicaCount", 2, "flag", true, "ratio", 0.5));
        AlertRule rule = new AlertRule(
                "high-load",
                "sum(rate(x[1m])) > 10",
                "1m",
                Map.of("severity", "critical", "service", name),
                Map.of("description", "load"));
        return new StoredService(
                name,
                status,
                cluster,
                1,
                new ResourceRequest(500, 524_288_000L, 10_000_000_000L, 0),
                new ChartRef("oci://127.0.0.1:5000/test/" + name, "App", "HELM"),
                values,
                status == ServiceStatus.PENDING ? List.of(rule) : List.of(),
                null,
                null);
    }

    public static StoredGraph graph(String name, String project, StoredService... services) {
        return new StoredGraph(
                        name,
                        project,
                        GraphStatus.DEPLOYING,
                        "{\"hdaGraph\":{\"id\":\"" + name + "\"}}",
                        Map.of(),
                        null,
                        List.of(),
                        0,
                        null,
                        null)
                .withServices(List.of(services));
    }

    private static GraphEvent event(String graph, String type) {
        return GraphEvent.of(graph, null, Instant.parse("2026-01-01T00:00:00Z"), type, type + " happened");
    }

    @Test
    void insertThenFindReturnsTheSameAggregateAtVersionOne() {
        StoredGraph g = graph(
                "g1", "p1", service("a", ServiceStatus.DEPLOYING, "c1"), service("b", ServiceStatus.PENDING, "c2"));
        StoredGraph stored = store.insert(g, List.of(event("g1", "DEPLOY_REQUESTED")));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.createdAt()).isNotNull();
        StoredGraph found = store.find("g1").orElseThrow();
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.services()).containsExactlyElementsOf(g.services());
        assertThat(found.placement()).containsExactly(Map.entry("a", "c1"), Map.entry("b", "c2"));
        assertThat(found.descriptor()).isEqualTo(g.descriptor());
        assertThat(found.status()).isEqualTo(GraphStatus.DEPLOYING);
        assertThat(found.project()).isEqualTo("p1");
    }

    @Test
    void demandSumsPlacedServicesPerClusterStatusAndOwner() {
        store.insert(
                graph(
                        "g1",
                        "p",
                        service("a", ServiceStatus.DEPLOYED, "c1"),
                        service("b", ServiceStatus.DEPLOYED, "c1"),
                        service("c", ServiceStatus.PENDING, null)),
                List.of());
        store.insert(
                graph("g2", "p", service("d", ServiceStatus.DEPLOYED, "c1"), service("e", ServiceStatus.FAILED, "c2")),
                List.of());

        assertThat(store.demand("g1"))
                .containsExactlyInAnyOrder(
                        new PlacedDemand("c1", ServiceStatus.DEPLOYED, true, 1000, 1_048_576_000L, 0),
                        new PlacedDemand("c1", ServiceStatus.DEPLOYED, false, 500, 524_288_000L, 0),
                        new PlacedDemand("c2", ServiceStatus.FAILED, false, 500, 524_288_000L, 0));
        assertThat(store.demand("none")).hasSize(2).noneMatch(PlacedDemand::own);
    }

    @Test
    void aGraphWithoutServicesIsFoundListedAndUnsettledWhenTransitional() {
        store.insert(graph("empty", "p").withStatus(GraphStatus.DEPLOYING), List.of());
        store.insert(graph("busy", "p", service("a", ServiceStatus.REMOVING, "c1")), List.of());

        assertThat(store.find("empty").orElseThrow().services()).isEmpty();
        assertThat(store.list(null)).extracting(StoredGraph::name).containsExactly("busy", "empty");
        assertThat(store.unsettled()).extracting(StoredGraph::name).containsExactly("busy", "empty");
        assertThat(store.list(null).get(0).services())
                .extracting(StoredService::name)
                .containsExactly("a");
    }

    @Test
    void insertOfAnExistingNameFailsAndKeepsTheFirst() {
        store.insert(graph("g1", "p1", service("a", ServiceStatus.DEPLOYED, "c1")), List.of());

        assertThatThrownBy(() -> store.insert(graph("g1", "p2"), List.of()))
                .isInstanceOf(GraphAlreadyExistsException.class);
        assertThat(store.find("g1").orElseThrow().project()).isEqualTo("p1");
    }

    @Test
    void serviceNamesAreUniquePerGraphNotGlobally() {
        store.insert(graph("g1", "p", service("web", ServiceStatus.DEPLOYED, "c1")), List.of());
        store.insert(graph("g2", "p", service("web", ServiceStatus.DEPLOYED, "c2")), List.of());

        assertThat(store.find("g2").orElseThrow().service("web").orElseThrow().cluster())
                .isEqualTo("c2");
        assertThat(store.find("g1").orElseThrow().service("web").orElseThrow().cluster())
                .isEqualTo("c1");
    }

    @Test
    void updateIncrementsTheVersionAndReplacesServices() {
        StoredGraph v1 = store.insert(
                graph(
                        "g1",
                        "p",
                        service("a", ServiceStatus.DEPLOYING, "c1"),
                        service("b", ServiceStatus.DEPLOYING, "c1")),
                List.of());
        StoredGraph changed = v1.withStatus(GraphStatus.RUNNING)
                .withServices(List.of(
                        v1.service("a").orElseThrow().withStatus(ServiceStatus.DEPLOYED, null),
                        v1.service("b")
                                .orElseThrow()
                                .withStatus(ServiceStatus.FAILED, "helm: boom")
                                .withPlacement("c2", Map.of("clustersAffinity", List.of("c2")))))
                .withDashboardUrl("http://grafana/d/g1");

        StoredGraph v2 = store.update(changed, List.of(event("g1", "RELEASE_INSTALLED")));

        assertThat(v2.version()).isEqualTo(2);
        StoredGraph found = store.find("g1").orElseThrow();
        assertThat(found.status()).isEqualTo(GraphStatus.RUNNING);
        assertThat(found.dashboardUrl()).isEqualTo("http://grafana/d/g1");
        assertThat(found.service("b").orElseThrow().lastError()).isEqualTo("helm: boom");
        assertThat(found.service("b").orElseThrow().values()).containsEntry("clustersAffinity", List.of("c2"));
        assertThat(found.placement()).containsEntry("b", "c2");
    }

    @Test
    void updateMayReorderRenameAddAndDropServices() {
        StoredGraph v1 = store.insert(
                graph(
                        "g1",
                        "p",
                        service("a", ServiceStatus.DEPLOYED, "c1"),
                        service("b", ServiceStatus.DEPLOYED, "c1"),
                        service("c", ServiceStatus.DEPLOYED, "c1")),
                List.of());
        StoredGraph swapped = store.update(
                v1.withServices(List.of(
                        v1.service("b").orElseThrow(),
                        v1.service("a").orElseThrow().withStatus(ServiceStatus.FAILED, "x"))),
                List.of(event("g1", "ONE"), event("g1", "TWO")));
        assertThat(store.find("g1").orElseThrow()).isEqualTo(swapped);
        assertThat(swapped.services()).extracting(StoredService::name).containsExactly("b", "a");

        StoredGraph grown = store.update(
                swapped.withServices(List.of(
                        swapped.service("a").orElseThrow(),
                        service("d", ServiceStatus.PENDING, null),
                        swapped.service("b").orElseThrow())),
                List.of());
        assertThat(store.find("g1").orElseThrow()).isEqualTo(grown);
        assertThat(store.events("g1")).extracting(GraphEvent::type).containsExactly("ONE", "TWO");
    }

    @Test
    void updateWithAStaleVersionFailsAndChangesNothing() {
        StoredGraph v1 = store.insert(graph("g1", "p", service("a", ServiceStatus.DEPLOYING, "c1")), List.of());
        store.update(v1.withStatus(GraphStatus.RUNNING), List.of());

        assertThatThrownBy(() -> store.update(v1.withStatus(GraphStatus.STOPPED), List.of(event("g1", "X"))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.find("g1").orElseThrow().status()).isEqualTo(GraphStatus.RUNNING);
        assertThat(store.events("g1")).isEmpty();
    }

    @Test
    void updateOfAMissingGraphFails() {
        assertThatThrownBy(() -> store.update(graph("nope", "p").withStatus(GraphStatus.RUNNING), List.of()))
                .isInstanceOf(GraphNotFoundException.class);
    }

    @Test
    void deleteRemovesTheGraphButKeepsItsEventLog() {
        StoredGraph v1 = store.insert(
                graph("g1", "p", service("a", ServiceStatus.DEPLOYED, "c1")), List.of(event("g1", "DEPLOY_REQUESTED")));

        store.delete("g1", v1.version(), List.of(event("g1", "REMOVED")));

        assertThat(store.find("g1")).isEmpty();
        assertThat(store.events("g1")).extracting(GraphEvent::type).containsExactly("DEPLOY_REQUESTED", "REMOVED");
        store.insert(graph("g1", "p", service("a", ServiceStatus.DEPLOYED, "c1")), List.of());
        assertThat(store.find("g1")).isPresent();
    }

    @Test
    void deleteWithAStaleVersionFails() {
        StoredGraph v1 = store.insert(graph("g1", "p"), List.of());
        store.update(v1.withStatus(GraphStatus.RUNNING), List.of());

        assertThatThrownBy(() -> store.delete("g1", 1, List.of())).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.find("g1")).isPresent();
    }

    @Test
    void eventsKeepTheirOrderAndGetIncreasingIds() {
        StoredGraph v1 = store.insert(graph("g1", "p"), List.of(event("g1", "A"), event("g1", "B")));
        store.update(v1, List.of(GraphEvent.of("g1", "svc", Instant.parse("2026-01-01T00:00:01Z"), "C", "c")));
        store.insert(graph("g2", "p"), List.of(event("g2", "OTHER")));

        List<GraphEvent> log = store.events("g1");
        assertThat(log).extracting(GraphEvent::type).containsExactly("A", "B", "C");
        assertThat(log.get(0).id()).isPositive();
        assertThat(log.get(1).id()).isGreaterThan(log.get(0).id());
        assertThat(log.get(2).id()).isGreaterThan(log.get(1).id());
        assertThat(log.get(2).service()).isEqualTo("svc");
        assertThat(log.get(2).at()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
    }

    @Test
    void listFiltersByProjectAndOrdersByName() {
        store.insert(graph("b", "p1"), List.of());
        store.insert(graph("a", "p1"), List.of());
        store.insert(graph("c", "p2"), List.of());

        assertThat(store.list("p1")).extracting(StoredGraph::name).containsExactly("a", "b");
        assertThat(store.list(null)).extracting(StoredGraph::name).containsExactly("a", "b", "c");
        assertThat(store.list("none")).isEmpty();
    }

    @Test
    void unsettledFindsTransitionalGraphsAndServices() {
        StoredGraph deploying = store.insert(graph("deploying", "p"), List.of());
        StoredGraph running = store.insert(graph("running", "p", service("a", ServiceStatus.DEPLOYED, "c")), List.of());
        store.update(running.withStatus(GraphStatus.RUNNING), List.of());
        StoredGraph half = store.insert(graph("half", "p", service("a", ServiceStatus.DEPLOYING, "c")), List.of());
        store.update(half.withStatus(GraphStatus.RUNNING), List.of());

        assertThat(store.unsettled()).extracting(StoredGraph::name).containsExactly(deploying.name(), "half");
    }

    @Test
    void clusterSnapshotIsReplacedWhole() {
        store.replaceClusters(List.of(
                ClusterInfo.of("b", 4000, 8L << 30, 1),
                new ClusterInfo("a", false, 2000, 1L << 30, 0, Map.of("zone", "edge"), "10.0.0.0/16", "10.1.0.0/16")));
        assertThat(store.clusters()).extracting(ClusterInfo::name).containsExactly("a", "b");
        assertThat(store.clusters().get(0))
                .isEqualTo(new ClusterInfo(
                        "a", false, 2000, 1L << 30, 0, Map.of("zone", "edge"), "10.0.0.0/16", "10.1.0.0/16"));

        store.replaceClusters(List.of(ClusterInfo.of("c", 1000, 1L << 30, 0)));
        assertThat(store.clusters()).extracting(ClusterInfo::name).containsExactly("c");
    }

    @Test
    void clusterSnapshotKeepsSchedulingTraits() {
        var traits = new dev.smo.core.SchedulingTraits(
                2_000,
                8L << 30,
                List.of(
                        new dev.smo.core.SchedulingTraits.Taint("cluster.karmada.io/not-ready", null, "NoSchedule"),
                        new dev.smo.core.SchedulingTraits.Taint("dedicated", "gpu", "NoExecute")),
                "amd.com/gpu",
                java.util.Set.of("apps/v1/Deployment", "multicluster.x-k8s.io/v1alpha1/ServiceExport"),
                Map.of("amd.com/gpu", 4, "nvidia.com/gpu", 1),
                17);
        List<ClusterInfo> snapshot = List.of(
                ClusterInfo.of("gpu", 16_000, 64L << 30, 4).withTraits(traits),
                ClusterInfo.of("plain", 4_000, 8L << 30, 0)
                        .withTraits(new dev.smo.core.SchedulingTraits(Long.MAX_VALUE, 1L << 30, List.of(), null)));
        store.replaceClusters(snapshot);

        assertThat(store.clusters()).isEqualTo(snapshot);
        assertThat(store.clusters().get(1).traits().maxPodCpuMillis()).isEqualTo(Long.MAX_VALUE);
    }
}
