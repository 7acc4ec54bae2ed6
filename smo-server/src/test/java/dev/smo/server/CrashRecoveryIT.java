package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smo.persistence.PostgresSchemaExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server process (SIGKILL) in the middle of a deploy, starts it again on the same PostgreSQL database,
 * and checks that the graph reaches the state that was asked for, with nothing lost or duplicated.
 */
class CrashRecoveryIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static final Pattern LISTENING = Pattern.compile("SMO listening on (http://\\S+)");
    private static final int SERVICES = 6;

    @TempDir
    Path home;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aDeployCutShortByAKillIsFinishedAfterRestart() throws Exception {
        Path clusters = home.resolve("clusters.yaml");
        Files.writeString(clusters, """
                clusters:
                  - {name: edge-a, cpu: '64', memory: 256Gi}
                  - {name: edge-b, cpu: '64', memory: 256Gi}
                """);
        String graph = descriptor();

        Server first = start(clusters);
        // The answer never comes: the server is killed while the request runs.
        Thread deploy =
                new Thread(() -> new Http(first.port()).post("/project/crash/graphs", "application/yaml", graph));
        deploy.setDaemon(true);
        deploy.start();
        waitForReleases(2);
        first.process().destroyForcibly().waitFor(20, TimeUnit.SECONDS);

        assertThat(graphStatus()).isEqualTo("DEPLOYING");
        assertThat(serviceStatuses()).contains("DEPLOYING");

        Server second = start(clusters);
        // The killed process held the lease and its heartbeat: the new one takes its work over once they expire.
        JsonNode g = new Http(second.port()).get("/graphs/crash-graph").json();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!g.path("status").asText().equals("Running") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            g = new Http(second.port()).get("/graphs/crash-graph").json();
        }

        assertThat(g.path("status").asText()).isEqualTo("Running");
        assertThat(g.path("services")).hasSize(SERVICES);
        g.path("services").forEach(s -> assertThat(s.path("status").asText()).isEqualTo("Deployed"));
        assertThat(serviceStatuses()).hasSize(SERVICES).containsOnly("DEPLOYED");
        List<String> types = new ArrayList<>();
        new Http(second.port())
                .get("/graphs/crash-graph/events")
                .json()
                .forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).filteredOn("DEPLOY_REQUESTED"::equals).hasSize(1);
        assertThat(types).contains("TAKEOVER", "RECONCILE");
        Map<String, Integer> applied = appliedPerService();
        assertThat(applied).hasSize(SERVICES);
        // Each release was applied once, except the one in flight at the kill, which Helm upgrades idempotently.
        assertThat(applied.values()).allMatch(n -> n >= 1 && n <= 2);
        assertThat(applied.values().stream().filter(n -> n == 2).count()).isLessThanOrEqualTo(1);
    }

    private String descriptor() {
        StringBuilder yaml = new StringBuilder("hdaGraph:\n  id: crash-graph\n  services:\n");
        for (int i = 0; i < SERVICES; i++) {
            yaml.append("    - id: svc-")
                    .append(i)
                    .append('\n')
                    .append("      artifact: {ociImage: 'oci://127.0.0.1:5000/test/svc-")
                    .append(i)
                    .append("'}\n")
                    .append("      deployment:\n        trigger: {type: standard}\n")
                    .append("        intent: {compute: {cpu: small, ram: small, storage: none}}\n");
        }
        return yaml.toString();
    }

    record Server(Process process, int port) {}

    private Server start(Path clusters) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.smo.server.cli.SmoCommand",
                "serve",
                "--port",
                "0");
        Map<String, String> env = pb.environment();
        env.put("SMO_DATABASE_URL", DB.jdbcUrl());
        env.put("DB_USER", PostgresSchemaExtension.USER);
        env.put("SMO_CLUSTERS_FILE", clusters.toString());
        env.put("SMO_HOME", home.toString());
        env.put("SMO_DRY_RUN_LATENCY_MS", "400");
        env.put("SMO_LEADER_LEASE_TTL_S", "2");
        env.remove("SMO_API_TOKEN");
        pb.redirectError(home.resolve("server-" + processes.size() + ".err").toFile());
        Process process = pb.start();
        processes.add(process);
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drainer = new Thread(() -> drain(out));
                drainer.setDaemon(true);
                drainer.start();
                return new Server(process, Integer.parseInt(m.group(1).replaceAll(".*:(\\d+).*", "$1")));
            }
        }
        throw new IllegalStateException("The server did not start: "
                + Files.readString(home.resolve("server-" + (processes.size() - 1) + ".err")));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe from filling up
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void waitForReleases(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (appliedPerService().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum()
                    >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("No release was applied within 30 s.");
    }

    private Map<String, Integer> appliedPerService() throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (List<String> row : query(
                "SELECT service FROM graph_events WHERE graph = 'crash-graph' " + "AND type = 'RELEASE_APPLIED'")) {
            out.merge(row.get(0), 1, Integer::sum);
        }
        return out;
    }

    private String graphStatus() throws Exception {
        return query("SELECT status FROM graphs WHERE name = 'crash-graph'")
                .get(0)
                .get(0);
    }

    private List<String> serviceStatuses() throws Exception {
        return query("SELECT s.status FROM services s JOIN graphs g ON g.id = s.graph_id "
                        + "WHERE g.name = 'crash-graph'")
                .stream()
                .map(r -> r.get(0))
                .toList();
    }

    private List<List<String>> query(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
