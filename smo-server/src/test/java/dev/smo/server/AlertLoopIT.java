package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.observability.PrometheusRuleFiles;
import dev.smo.observability.PrometheusRuleFilesConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real alert loop: SMO writes the Brussels demo's event rule for the real Prometheus, Prometheus fires it, the
 * real Alertmanager posts its webhook to SMO on 127.0.0.1:18000 (scripts/services/alertmanager.yml), and the
 * pending virtual object is deployed.
 */
class AlertLoopIT {

    static final URI PROMETHEUS = URI.create(System.getProperty("smo.test.prometheus", "http://127.0.0.1:9090"));
    static final Path RULES = rulesDirectory();

    /** Where the running Prometheus reads rule files (its first rule_files glob); -Dsmo.test.rulesDir overrides. */
    private static Path rulesDirectory() {
        String configured = System.getProperty("smo.test.rulesDir");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            var yaml = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    URI.create(PROMETHEUS + "/api/v1/status/config"))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("data")
                    .path("yaml")
                    .asText();
            String glob = new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(yaml)
                    .path("rule_files")
                    .path(0)
                    .asText("");
            if (!glob.isEmpty()) {
                return Path.of(glob).getParent();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not reachable: the assertion on the directory says what to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Path.of("../.smo-services/rules");
    }

    private final DryRunDeployer deployer = new DryRunDeployer();
    private Orchestrator smo;
    private Javalin app;
    private String graph;

    @AfterEach
    void stop() {
        if (smo != null && smo.find(graph).isPresent()) {
            smo.remove(graph);
        }
        if (app != null) {
            app.stop();
        }
        if (smo != null) {
            smo.close();
        }
    }

    @Test
    void prometheusAlertsDeployThePendingService() throws Exception {
        assertThat(RULES)
                .as("Prometheus' rule directory (scripts/services.sh start)")
                .isDirectory();
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge-a", 16_000, 32L << 30, 0))))
                .deployer(deployer)
                .alertRules(PrometheusRuleFiles.create(PrometheusRuleFilesConfig.of(RULES, PROMETHEUS)))
                .build();
        app = SmoServer.create(smo, HttpSettings.DEFAULTS).start("127.0.0.1", 18000);
        Http http = new Http(app.port());
        graph = "alert-loop-" + UUID.randomUUID().toString().substring(0, 8);
        // The demo's own condition holds on a Prometheus that scrapes no kc1 operator; a short grace period.
        String descriptor = ServerApiTest.example("brussels-demo/hdag.yaml")
                .replace("image-detection-graph", graph)
                .replace("gracePeriod: 2m", "gracePeriod: 10s");

        assertThat(http.waiting()
                        .post("/project/loop/graphs", "application/yaml", descriptor)
                        .status())
                .isEqualTo(201);
        assertThat(ruleFiles()).anyMatch(f -> f.contains(graph));

        JsonNode vo = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            vo = http.get("/graphs/" + graph).json().path("services").get(0);
            if (vo.path("status").asText().equals("Deployed")) {
                break;
            }
            Thread.sleep(500);
        }

        assertThat(vo.path("name").asText()).isEqualTo("image-compression-vo");
        assertThat(vo.path("status").asText()).isEqualTo("Deployed");
        assertThat(deployer.releases()).containsKey("loop/image-compression-vo");
        List<String> types = new ArrayList<>();
        http.get("/graphs/" + graph + "/events")
                .json()
                .forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsSubsequence("DEPLOY_REQUESTED", "RUNNING", "ALERT_RECEIVED", "RELEASE_APPLIED");
        assertThat(ruleFiles()).noneMatch(f -> f.contains(graph));
    }

    private static List<String> ruleFiles() throws java.io.IOException {
        try (var files = Files.list(RULES)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
