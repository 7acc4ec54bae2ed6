package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryAlertRuleStore;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.GraphStore;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.persistence.PostgresSchemaExtension;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole lifecycle over HTTP against the server on the real PostgreSQL with the dry-run deployer: deploy,
 * placement, pending event-triggered services, the Alertmanager webhook, stop, start, re-placement after a cluster
 * disappears, removal, and the event log.
 */
class ServerLifecycleIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<List<ClusterInfo>> clusters = new AtomicReference<>(List.of(
            ClusterInfo.of("edge-a", 6_000, 16L << 30, 0),
            ClusterInfo.of("edge-b", 6_000, 16L << 30, 0),
            ClusterInfo.of("edge-c", 6_000, 16L << 30, 0)));
    private final DryRunDeployer deployer = new DryRunDeployer();
    private final InMemoryAlertRuleStore rules = new InMemoryAlertRuleStore();
    private Orchestrator smo;
    private Javalin app;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        GraphStore store = PostgresGraphStore.create(DB.dataSource());
        DB.truncate();
        ClusterInventory inventory = new ClusterInventory() {
            @Override
            public List<ClusterInfo> clusters() {
                return clusters.get();
            }

            @Override
            public boolean countsDeployedWorkloads() {
                return false;
            }
        };
        smo = Orchestrator.builder()
                .store(store)
                .inventory(inventory)
                .deployer(deployer)
                .alertRules(rules)
                .build();
        app = SmoServer.create(smo, HttpSettings.DEFAULTS).start("127.0.0.1", 0);
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        app.stop();
        smo.close();
    }

    private static String alert(String graph, String service, String status) throws Exception {
        Map<String, Object> a = Map.of(
                "status",
                status,
                "labels",
                Map.of("alertname", "trigger", "graph", graph, "service", service, "severity", "critical"),
                "annotations",
                Map.of("description", "test"),
                "startsAt",
                "2026-11-25T10:00:00Z",
                "fingerprint",
                "f" + service);
        return JSON.writeValueAsString(Map.of(
                "version",
                "4",
                "status",
                status,
                "receiver",
                "smo",
                "groupLabels",
                Map.of(),
                "commonLabels",
                Map.of(),
                "alerts",
                List.of(a)));
    }

    private static List<String> pending(JsonNode graph) {
        List<String> out = new ArrayList<>();
        graph.path("services").forEach(s -> {
            if (s.path("status").asText().equals("Pending")) {
                out.add(s.path("name").asText());
            }
        });
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "brussels-demo/hdag.yaml, image-detection-graph, brussels",
        "my-webapp/hdag.yaml, my-webapp-graph, webapp"
    })
    void fullLifecycleOverHttp(String file, String graph, String project) throws Exception {
        // Deploy as the original SDK does: 202 with the graph Deploying, then poll until it runs.
        Http.Response deployed =
                http.post("/project/" + project + "/graphs", "application/yaml", ServerApiTest.example(file));
        assertThat(deployed.status()).isEqualTo(202);
        assertThat(deployed.header("Location")).contains("/graphs/" + graph);
        assertThat(deployed.json().path("status").asText()).isEqualTo("Deploying");
        JsonNode g = http.awaitSettled(graph).json();
        assertThat(g.path("status").asText()).isEqualTo("Running");
        int services = g.path("services").size();
        assertThat(g.path("placement").size()).isEqualTo(services);
        List<String> pending = pending(g);
        assertThat(pending).isNotEmpty();
        assertThat(deployer.releases()).hasSize(services - pending.size());
        assertThat(rules.groups()).containsKey(project + "/smo-" + graph);

        // Alertmanager fires: pending services deploy, once.
        for (String service : pending) {
            JsonNode outcome = http.post("/alerts", "application/json", alert(graph, service, "firing"))
                    .json();
            assertThat(outcome.path("outcomes").get(0).path("action").asText()).isEqualTo("DEPLOYED");
            JsonNode repeat = http.post("/alerts", "application/json", alert(graph, service, "firing"))
                    .json();
            assertThat(repeat.path("outcomes").get(0).path("action").asText()).isEqualTo("IGNORED");
        }
        assertThat(pending(http.get("/graphs/" + graph).json())).isEmpty();
        assertThat(deployer.releases()).hasSize(services);

        // Stop uninstalls (202 Stopping, then Stopped), start reinstalls every release.
        Http.Response stopping = http.post("/graphs/" + graph + "/stop", null, "");
        assertThat(stopping.status()).isEqualTo(202);
        assertThat(stopping.json().path("status").asText()).isEqualTo("Stopping");
        assertThat(http.awaitSettled(graph).json().path("status").asText()).isEqualTo("Stopped");
        assertThat(deployer.releases()).isEmpty();
        assertThat(http.post("/graphs/" + graph + "/start", null, "").status()).isEqualTo(202);
        JsonNode started = http.awaitSettled(graph).json();
        assertThat(started.path("status").asText()).isEqualTo("Running");
        assertThat(deployer.releases()).hasSize(services);

        // A cluster disappears: re-placement moves its services elsewhere and upgrades their releases.
        String lost = started.path("placement").elements().next().asText();
        clusters.set(clusters.get().stream().filter(c -> !c.name().equals(lost)).toList());
        Http.Response replacing = http.waiting().post("/graphs/" + graph + "/placement", null, "");
        assertThat(replacing.status()).isEqualTo(200);
        JsonNode replaced = replacing.json();
        assertThat(replaced.path("status").asText()).isEqualTo("Running");
        replaced.path("placement").forEach(c -> assertThat(c.asText()).isNotEqualTo(lost));
        deployer.releases()
                .values()
                .forEach(spec -> assertThat(spec.values().toString()).doesNotContain(lost));

        // Removal deletes everything but the event log, which tells the story.
        Http.Response removing = http.delete("/graphs/" + graph);
        assertThat(removing.status()).isEqualTo(202);
        assertThat(removing.json().path("status").asText()).isEqualTo("Removing");
        assertThat(http.awaitSettled(graph).status()).isEqualTo(404);
        assertThat(deployer.releases()).isEmpty();
        assertThat(rules.groups()).isEmpty();
        List<String> story = new ArrayList<>();
        http.get("/graphs/" + graph + "/events")
                .json()
                .forEach(e -> story.add(e.path("type").asText()));
        assertThat(story)
                .containsSubsequence(
                        "DEPLOY_REQUESTED",
                        "PLACED",
                        "RELEASE_APPLIED",
                        "RUNNING",
                        "ALERT_RECEIVED",
                        "RELEASE_APPLIED",
                        "STOP_REQUESTED",
                        "RELEASE_UNINSTALLED",
                        "STOPPED",
                        "START_REQUESTED",
                        "RELEASE_APPLIED",
                        "RUNNING",
                        "REPLACE_REQUESTED",
                        "PLACED",
                        "RELEASE_APPLIED",
                        "REMOVE_REQUESTED",
                        "RELEASE_UNINSTALLED",
                        "REMOVED");
        assertThat(Optional.ofNullable(
                                http.get("/project/" + project + "/graphs").json())
                        .map(JsonNode::size))
                .contains(0);
    }
}
