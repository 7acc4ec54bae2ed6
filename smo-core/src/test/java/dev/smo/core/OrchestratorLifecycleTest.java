package dev.smo.core;

import static dev.smo.core.Fixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.Fixtures.MutableInventory;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryAlertRuleStore;
import dev.smo.core.local.InMemoryDashboardPublisher;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.model.InvalidDescriptorException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrchestratorLifecycleTest {

    private final InMemoryGraphStore store = new InMemoryGraphStore();
    private final DryRunDeployer deployer = new DryRunDeployer();
    private final InMemoryAlertRuleStore rules = new InMemoryAlertRuleStore();
    private final InMemoryDashboardPublisher dashboards = new InMemoryDashboardPublisher();
    private final MutableInventory inventory =
            new MutableInventory(false, cluster("edge-a", 2000, 4, 0), cluster("edge-b", 2000, 4, 0));
    private Orchestrator smo;

    @BeforeEach
    void build() {
        smo = Orchestrator.builder()
                .store(store)
                .inventory(inventory)
                .deployer(deployer)
                .alertRules(rules)
                .dashboards(dashboards)
                .build();
    }

    @AfterEach
    void close() {
        smo.close();
    }

    private static Alert firing(String graph, String service) {
        return new Alert(
                "firing", Map.of("alertname", "main-event", "graph", graph, "service", service), Map.of(), "fp");
    }

    @Test
    void deployInstallsStandardServicesAndLeavesEventTriggeredOnesPending() {
        StoredGraph g = smo.deploy("demo", Fixtures.brussels());

        assertThat(g.status()).isEqualTo(GraphStatus.RUNNING);
        assertThat(g.service("image-compression-vo").orElseThrow().status()).isEqualTo(ServiceStatus.PENDING);
        assertThat(g.service("noise-reduction").orElseThrow().status()).isEqualTo(ServiceStatus.DEPLOYED);
        assertThat(g.service("image-detection").orElseThrow().status()).isEqualTo(ServiceStatus.DEPLOYED);
        assertThat(deployer.releases()).containsOnlyKeys("demo/noise-reduction", "demo/image-detection");
        assertThat(g.placement()).containsOnlyKeys("image-compression-vo", "noise-reduction", "image-detection");
        assertThat(rules.groups()).containsOnlyKeys("demo/smo-image-detection-graph");
        assertThat(rules.groups().get("demo/smo-image-detection-graph"))
                .singleElement()
                .satisfies(r -> assertThat(r.labels()).containsEntry("service", "image-compression-vo"));
        assertThat(g.dashboardUrl()).isEqualTo("memory:dashboards/image-detection-graph");
        // The VO's uid (42 characters) is shortened to Grafana's 40 with a digest.
        assertThat(dashboards.dashboards())
                .hasSize(4)
                .containsKeys(
                        "image-detection-graph",
                        "image-detection-graph-noise-reduction",
                        "image-detection-graph-image-detection");
        assertThat(g.service("noise-reduction").orElseThrow().dashboardUrl())
                .isEqualTo("memory:dashboards/image-detection-graph-noise-reduction");
    }

    @Test
    void placementRespectsCapacityAndValuesCarryAffinityAndImports() {
        StoredGraph g = smo.deploy("demo", Fixtures.brussels());

        Map<String, String> placement = g.placement();
        // 2.5 CPUs cannot share one 2-CPU cluster: the chain is cut exactly once.
        assertThat(placement.values()).containsOnly("edge-a", "edge-b").hasSize(3);
        assertThat(placement.values().stream().distinct().count()).isEqualTo(2);
        Map<String, Object> noise = g.service("noise-reduction").orElseThrow().values();
        assertThat(noise)
                .containsEntry("clustersAffinity", List.of(placement.get("noise-reduction")))
                .containsEntry("serviceImportClusters", List.of(placement.get("image-compression-vo")));
        @SuppressWarnings("unchecked")
        Map<String, Object> vo = (Map<String, Object>)
                g.service("image-compression-vo").orElseThrow().values().get("voChartOverwrite");
        assertThat(vo).containsEntry("clustersAffinity", List.of(placement.get("image-compression-vo")));
        assertThat(g.service("image-compression-vo").orElseThrow().values()).doesNotContainKey("clustersAffinity");
    }

    @Test
    void alertDeploysThePendingServiceOnceAndRepeatsReinstallNothing() {
        smo.deploy("demo", Fixtures.brussels());

        List<AlertOutcome> first = smo.handleAlerts(List.of(firing("image-detection-graph", "image-compression-vo")));
        List<AlertOutcome> again = smo.handleAlerts(List.of(firing("image-detection-graph", "image-compression-vo")));

        assertThat(first).singleElement().extracting(AlertOutcome::action).isEqualTo("DEPLOYED");
        assertThat(again).singleElement().extracting(AlertOutcome::action).isEqualTo("IGNORED");
        assertThat(smo.get("image-detection-graph")
                        .service("image-compression-vo")
                        .orElseThrow()
                        .status())
                .isEqualTo(ServiceStatus.DEPLOYED);
        assertThat(deployer.history())
                .filteredOn(o -> o.release().equals("image-compression-vo"))
                .hasSize(1);
        assertThat(rules.groups()).isEmpty();
    }

    @Test
    void resolvedAndUnknownAlertsAreIgnored() {
        smo.deploy("demo", Fixtures.brussels());

        List<AlertOutcome> outcomes = smo.handleAlerts(List.of(
                new Alert("resolved", Map.of("service", "image-compression-vo"), Map.of(), null),
                new Alert("firing", Map.of("service", "nope"), Map.of(), null),
                new Alert("firing", Map.of("alertname", "x"), Map.of(), null)));

        assertThat(outcomes).extracting(AlertOutcome::action).containsOnly("IGNORED");
        assertThat(deployer.releases()).doesNotContainKey("demo/image-compression-vo");
    }

    @Test
    void stopUninstallsEverythingAndStartReinstallsWhatRan() {
        smo.deploy("demo", Fixtures.brussels());
        smo.handleAlerts(List.of(firing("image-detection-graph", "image-compression-vo")));

        StoredGraph stopped = smo.stop("image-detection-graph");
        assertThat(stopped.status()).isEqualTo(GraphStatus.STOPPED);
        assertThat(stopped.services()).extracting(s -> s.status()).containsOnly(ServiceStatus.STOPPED);
        assertThat(deployer.releases()).isEmpty();
        assertThatThrownBy(() -> smo.stop("image-detection-graph")).isInstanceOf(IllegalTransitionException.class);

        StoredGraph started = smo.start("image-detection-graph");
        assertThat(started.status()).isEqualTo(GraphStatus.RUNNING);
        assertThat(started.services()).extracting(s -> s.status()).containsOnly(ServiceStatus.DEPLOYED);
        assertThat(deployer.releases()).hasSize(3);
        assertThatThrownBy(() -> smo.start("image-detection-graph")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void stopKeepsUnfiredServicesPendingAndStartRestoresTheirRules() {
        smo.deploy("demo", Fixtures.brussels());

        smo.stop("image-detection-graph");
        assertThat(rules.groups()).isEmpty();
        StoredGraph started = smo.start("image-detection-graph");

        assertThat(started.service("image-compression-vo").orElseThrow().status())
                .isEqualTo(ServiceStatus.PENDING);
        assertThat(rules.groups()).containsKey("demo/smo-image-detection-graph");
    }

    @Test
    void replacementMovesServicesOffALostClusterAndUpgradesTheirReleases() {
        inventory.set(cluster("edge-a", 8000, 16, 0), cluster("edge-b", 8000, 16, 0));
        StoredGraph before = smo.deploy("demo", Fixtures.brussels());
        String used = before.placement().get("noise-reduction");
        String other = used.equals("edge-a") ? "edge-b" : "edge-a";
        inventory.set(cluster(other, 8000, 16, 0));

        StoredGraph after = smo.replace("image-detection-graph");

        assertThat(after.status()).isEqualTo(GraphStatus.RUNNING);
        assertThat(after.placement().values()).containsOnly(other);
        assertThat(deployer.releases().get("demo/noise-reduction").values())
                .containsEntry("clustersAffinity", List.of(other));
        assertThat(deployer.history()).anyMatch(o -> o.action().equals("upgrade"));
    }

    @Test
    void startReplacesServicesWhoseClusterIsGoneAndStandsWhenNothingFits() {
        inventory.set(cluster("edge-a", 8000, 16, 0), cluster("edge-b", 8000, 16, 0));
        StoredGraph before = smo.deploy("demo", Fixtures.brussels());
        String used = before.placement().get("noise-reduction");
        String other = used.equals("edge-a") ? "edge-b" : "edge-a";
        smo.stop("image-detection-graph");
        inventory.set(cluster(other, 8000, 16, 0));

        StoredGraph moved = smo.start("image-detection-graph");

        assertThat(moved.status()).isEqualTo(GraphStatus.RUNNING);
        assertThat(moved.placement().values()).containsOnly(other);

        smo.stop("image-detection-graph");
        inventory.set(cluster("tiny", 100, 1, 0));
        StoredGraph started = smo.start("image-detection-graph");

        assertThat(started.status()).isEqualTo(GraphStatus.RUNNING);
        assertThat(smo.events("image-detection-graph"))
                .extracting(GraphEvent::type)
                .endsWith("REPLACEMENT_SKIPPED");
    }

    @Test
    void replacementWithoutChangeMovesNothing() {
        inventory.set(cluster("edge-a", 8000, 16, 0), cluster("edge-b", 8000, 16, 0));
        StoredGraph before = smo.deploy("demo", Fixtures.brussels());
        int operations = deployer.history().size();

        StoredGraph after = smo.replace("image-detection-graph");

        assertThat(after.placement()).isEqualTo(before.placement());
        assertThat(deployer.history()).hasSize(operations);
    }

    @Test
    void removeDeletesReleasesRulesDashboardAndGraphButKeepsTheEventLog() {
        smo.deploy("demo", Fixtures.brussels());

        smo.remove("image-detection-graph");

        assertThat(smo.find("image-detection-graph")).isEmpty();
        assertThat(deployer.releases()).isEmpty();
        assertThat(rules.groups()).isEmpty();
        assertThat(dashboards.dashboards()).isEmpty();
        assertThat(smo.events("image-detection-graph"))
                .extracting(GraphEvent::type)
                .startsWith("DEPLOY_REQUESTED", "PLACED")
                .endsWith("REMOVED")
                .containsSubsequence("REMOVE_REQUESTED", "RELEASE_UNINSTALLED", "RELEASE_UNINSTALLED", "REMOVED");
        assertThatThrownBy(() -> smo.get("image-detection-graph")).isInstanceOf(GraphNotFoundException.class);
    }

    @Test
    void infeasibleDeployStoresNothingAndExplainsWhy() {
        inventory.set(cluster("tiny", 100, 1, 0));

        assertThatThrownBy(() -> smo.deploy("demo", Fixtures.brussels()))
                .isInstanceOf(PlacementFailedException.class)
                .hasMessageContaining("cpu");
        assertThat(store.list(null)).isEmpty();
        assertThat(deployer.history()).isEmpty();
    }

    @Test
    void secondGraphSeesCapacityTakenByTheFirst() {
        inventory.set(cluster("only", 3000, 8, 0));
        smo.deploy("demo", Fixtures.brussels());

        assertThatThrownBy(() -> smo.deploy("demo", Fixtures.myWebapp())).isInstanceOf(PlacementFailedException.class);
    }

    @Test
    void deployRefusesAnExistingGraphAndABadProject() {
        smo.deploy("demo", Fixtures.brussels());

        assertThatThrownBy(() -> smo.deploy("demo", Fixtures.brussels()))
                .isInstanceOf(GraphAlreadyExistsException.class);
        assertThatThrownBy(() -> smo.deploy("Not_A_Namespace", Fixtures.myWebapp()))
                .isInstanceOf(InvalidDescriptorException.class)
                .satisfies(e -> assertThat(((InvalidDescriptorException) e).violations())
                        .singleElement()
                        .extracting(v -> v.path())
                        .isEqualTo("/project"));
    }

    @Test
    void planChangesNothing() {
        Plan plan = smo.plan("demo", Fixtures.brussels());

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.services())
                .extracting(PlannedService::name)
                .containsExactly("image-compression-vo", "noise-reduction", "image-detection");
        assertThat(plan.services().get(0).pending()).isTrue();
        assertThat(plan.services().get(0).alertRules()).isNotEmpty();
        assertThat(store.list(null)).isEmpty();
        assertThat(deployer.history()).isEmpty();
    }

    @Test
    void customResourceLevelsAreAcceptedEndToEnd() {
        inventory.set(cluster("edge-a", 16_000, 32, 0));
        try (Orchestrator custom = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(inventory)
                .resourceTable(dev.smo.intent.ResourceTable.defaults()
                        .with("cpu", "tiny", "100m")
                        .with("ram", "tiny", "64Mi"))
                .build()) {
            String yaml = Fixtures.exampleText("my-webapp/hdag.yaml")
                    .replace("cpu: light", "cpu: tiny")
                    .replace("ram: small", "ram: tiny");

            StoredGraph g = custom.deployDescriptor("demo", yaml);

            assertThat(g.service("web-frontend").orElseThrow().resources().cpuMillis())
                    .isEqualTo(100);
            assertThat(g.service("web-frontend").orElseThrow().resources().memoryBytes())
                    .isEqualTo(64L << 20);
            assertThatThrownBy(() -> smo.parse(yaml)).isInstanceOf(InvalidDescriptorException.class);
        }
    }

    @Test
    void eventLogTellsTheStory() {
        smo.deploy("demo", Fixtures.brussels());
        smo.handleAlerts(List.of(firing("image-detection-graph", "image-compression-vo")));
        smo.stop("image-detection-graph");

        assertThat(smo.events("image-detection-graph"))
                .extracting(GraphEvent::type)
                .containsSubsequence(
                        "DEPLOY_REQUESTED",
                        "PLACED",
                        "RELEASE_APPLIED",
                        "RUNNING",
                        "ALERT_RECEIVED",
                        "RELEASE_APPLIED",
                        "STOP_REQUESTED",
                        "RELEASE_UNINSTALLED",
                        "STOPPED");
    }

    @Test
    void aGraphRecreatedInAnotherProjectShowsOnlyItsOwnEvents() {
        smo.deploy("first", Fixtures.brussels());
        smo.stop("image-detection-graph");
        smo.remove("image-detection-graph");
        assertThat(smo.events("image-detection-graph"))
                .extracting(GraphEvent::type)
                .contains("STOPPED", "REMOVED");

        smo.deploy("second", Fixtures.brussels());

        List<GraphEvent> events = smo.events("image-detection-graph");
        assertThat(events.get(0).type()).isEqualTo("DEPLOY_REQUESTED");
        assertThat(events.get(0).message()).contains("(second)");
        assertThat(events).extracting(GraphEvent::message).noneMatch(m -> m.contains("(first)"));
        assertThat(events).extracting(GraphEvent::type).doesNotContain("STOPPED", "REMOVED");
    }
}
