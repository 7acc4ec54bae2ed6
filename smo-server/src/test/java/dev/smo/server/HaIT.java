package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.smo.persistence.PostgresSchemaExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code smo serve} processes on one real PostgreSQL: every replica serves the API, exactly one leads; a leader
 * killed in the middle of a deploy or of a scaling round is replaced within the lease time and nothing is lost or
 * done twice; a leader paused past its lease does nothing once it wakes.
 */
class HaIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static final int TTL_S = 3;
    /** Lease expiry, one renewal, then a reconcile round (5 s) and the rest of the work. */
    private static final Duration TAKEOVER = Duration.ofSeconds(TTL_S + 1 + 5 + 10);

    @TempDir
    Path home;

    private ReplicaSet replicas;
    private HttpServer prometheus;
    /** The request rate the fake Prometheus answers (requests/s). */
    private final AtomicReference<Double> rate = new AtomicReference<>(0.0);
    /** When set, the next query is held until {@link #release} opens. */
    private final AtomicBoolean holdNext = new AtomicBoolean();

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        dev.smo.persistence.Migrations.migrate(DB.dataSource());
        DB.truncate();
        prometheus = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        prometheus.createContext("/api/v1/query", exchange -> {
            if (holdNext.compareAndSet(true, false)) {
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                            + "\"value\":[0,\"" + rate.get() + "\"]}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // the replica that asked is gone
            }
            exchange.close();
        });
        prometheus.start();
        Path clusters = home.resolve("clusters.yaml");
        Files.writeString(clusters, """
                clusters:
                  - {name: edge-a, cpu: '64', memory: 256Gi}
                  - {name: edge-b, cpu: '64', memory: 256Gi}
                """);
        Map<String, String> env = new HashMap<>();
        env.put("SMO_DATABASE_URL", DB.jdbcUrl());
        env.put("DB_USER", PostgresSchemaExtension.USER);
        env.put("SMO_CLUSTERS_FILE", clusters.toString());
        env.put("SMO_DRY_RUN_LATENCY_MS", "400");
        env.put("SMO_LEADER_LEASE_TTL_S", Integer.toString(TTL_S));
        env.put("PROMETHEUS_HOST", "http://127.0.0.1:" + prometheus.getAddress().getPort());
        env.put("SCALING_ENABLED", "true");
        env.put("SCALING_INTERVAL", "1");
        replicas = new ReplicaSet(home, env);
        replicas.start(3);
    }

    @AfterEach
    void stop() {
        release.countDown();
        replicas.close();
        prometheus.stop(0);
    }

    @Test
    void everyReplicaServesTheApiAndConcurrentWritesOfOneGraphHaveOneWinner() throws Exception {
        List<ReplicaSet.Replica> all = replicas.all();
        replicas.awaitLeader(all, Duration.ofSeconds(10));

        List<Integer> statuses = race(
                all,
                r -> new Http(r.port())
                        .post("/project/ha/graphs", "application/yaml", webapp("race-graph"))
                        .status());

        assertThat(statuses).containsExactlyInAnyOrder(202, 409, 409);
        for (ReplicaSet.Replica r : all) {
            assertThat(new Http(r.port())
                            .awaitSettled("race-graph")
                            .json()
                            .path("status")
                            .asText())
                    .as(r.id())
                    .isEqualTo("Running");
        }
        // The same alert to every replica at once: one deploys the pending service, the others ignore it.
        String alert = "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"backend-high-load\","
                + "\"graph\":\"race-graph\",\"service\":\"user-db\"}}]}";
        List<String> outcomes = race(
                all,
                r -> new Http(r.port())
                        .post("/alerts", "application/json", alert)
                        .body());
        assertThat(outcomes.stream().filter(o -> o.contains("\"DEPLOYED\"")).count())
                .as(outcomes.toString())
                .isEqualTo(1);
        assertThat(applied("race-graph")).containsEntry("user-db", 1).hasSize(3);
        assertThat(count("SELECT count(*) FROM graph_events WHERE graph = 'race-graph' AND type = 'DEPLOY_REQUESTED'"))
                .isEqualTo(1);
        // Reads on every replica see the other replicas' writes.
        for (ReplicaSet.Replica r : all) {
            JsonNode g = new Http(r.port()).get("/graphs/race-graph").json();
            assertThat(g.path("services").findValuesAsText("status")).containsOnly("Deployed");
        }
        assertThat(replicas.leaders(all)).hasSize(1);
    }

    @Test
    void aLeaderKilledInTheMiddleOfADeployIsReplacedAndTheDeployFinishesOnce() throws Exception {
        ReplicaSet.Replica leader = replicas.awaitLeader(replicas.all(), Duration.ofSeconds(10));
        Thread deploy = new Thread(() ->
                new Http(leader.port()).post("/project/ha/graphs", "application/yaml", services("kill-graph", 6)));
        deploy.setDaemon(true);
        deploy.start();
        awaitApplied("kill-graph", 2);

        replicas.kill(leader);
        long killed = System.nanoTime();
        List<ReplicaSet.Replica> rest = replicas.live();
        ReplicaSet.Replica next = replicas.awaitLeader(rest, Duration.ofSeconds(TTL_S + 5));
        long failover = System.nanoTime() - killed;

        assertThat(Duration.ofNanos(failover)).isLessThan(Duration.ofSeconds(TTL_S + 3));
        JsonNode g = awaitStatus(next, "kill-graph", "Running");
        assertThat(g.path("services")).hasSize(6);
        Map<String, Integer> applied = applied("kill-graph");
        assertThat(applied).hasSize(6);
        // Each release applied once, but the one in flight at the kill, which Helm upgrades idempotently.
        assertThat(applied.values()).allMatch(n -> n >= 1 && n <= 2);
        assertThat(applied.values().stream().filter(n -> n == 2).count()).isLessThanOrEqualTo(1);
        List<String> types = types("kill-graph");
        assertThat(types).filteredOn("DEPLOY_REQUESTED"::equals).hasSize(1);
        assertThat(types).filteredOn("RUNNING"::equals).hasSize(1);
        assertThat(types).filteredOn("TAKEOVER"::equals).hasSize(1);
        assertThat(messages("kill-graph", "TAKEOVER"))
                .singleElement()
                .asString()
                .contains("(" + leader.id() + ")");
        assertThat(next.log()).contains("leads at epoch");
    }

    @Test
    void aLeaderKilledInTheMiddleOfAScalingRoundIsReplacedAndScalesOnce() throws Exception {
        ReplicaSet.Replica leader = replicas.awaitLeader(replicas.all(), Duration.ofSeconds(10));
        Http.Response r = new Http(leader.port()).waiting().post("/project/ha/graphs", "application/yaml", scalable());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        holdNext.set(true);
        assertThat(held.await(20, TimeUnit.SECONDS))
                .as("a scaling round asked for the rate")
                .isTrue();
        rate.set(120.0); // 120 requests/s at 50 per replica: 3 replicas

        replicas.kill(leader);
        release.countDown();
        ReplicaSet.Replica next = replicas.awaitLeader(replicas.live(), Duration.ofSeconds(TTL_S + 5));

        long deadline = System.nanoTime() + TAKEOVER.toNanos();
        while (replicasOf(next, "scale-graph") != 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(replicasOf(next, "scale-graph")).isEqualTo(3);
        Thread.sleep(2500); // more rounds: the count stands, nothing is scaled again
        assertThat(messages("scale-graph", "SCALED"))
                .singleElement()
                .asString()
                .startsWith("Replicas of api-backend: 1 → 3: ")
                .endsWith("result 3.");
    }

    /**
     * The leader takes over a deploy a killed replica left; it is paused (SIGSTOP) in the middle of that work until
     * its lease is long over, and another replica finishes the deploy. Once resumed (SIGCONT), the old leader's
     * next write is refused by the database and it installs nothing more.
     */
    @Test
    void aLeaderPausedPastItsLeaseActsNoMoreAfterWaking() throws Exception {
        List<ReplicaSet.Replica> all = replicas.all();
        ReplicaSet.Replica leader = replicas.awaitLeader(all, Duration.ofSeconds(10));
        ReplicaSet.Replica follower = all.stream()
                .filter(x -> !x.id().equals(leader.id()))
                .findFirst()
                .orElseThrow();
        Thread deploy = new Thread(() ->
                new Http(follower.port()).post("/project/ha/graphs", "application/yaml", services("pause-graph", 12)));
        deploy.setDaemon(true);
        deploy.start();
        awaitApplied("pause-graph", 1);
        replicas.kill(follower);
        // The leader takes the orphaned deploy over, and is paused in the middle of it.
        long deadline = System.nanoTime() + TAKEOVER.toNanos();
        while (count("SELECT count(*) FROM graph_events WHERE graph = 'pause-graph' AND type = 'TAKEOVER'") == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int before = total(applied("pause-graph"));
        awaitApplied("pause-graph", before + 1);
        replicas.signal(leader, "STOP");
        try {
            List<ReplicaSet.Replica> rest = replicas.live().stream()
                    .filter(x -> !x.id().equals(leader.id()))
                    .toList();
            ReplicaSet.Replica next = replicas.awaitLeader(rest, Duration.ofSeconds(TTL_S + 5));
            awaitStatus(next, "pause-graph", "Running");
        } finally {
            replicas.signal(leader, "CONT");
        }
        List<String> settled = types("pause-graph");
        Map<String, Integer> appliedWhenSettled = applied("pause-graph");

        Thread.sleep(3000);

        assertThat(types("pause-graph"))
                .as("no event after the old leader woke")
                .isEqualTo(settled);
        assertThat(applied("pause-graph")).isEqualTo(appliedWhenSettled);
        assertThat(messages("pause-graph", "TAKEOVER")).hasSize(2);
        String log = leader.log();
        assertThat(log).contains("no longer holds its lease");
        assertThat(replicas.leads(leader)).contains(false);
    }

    private interface Call<T> {
        T on(ReplicaSet.Replica r) throws Exception;
    }

    /** Calls every replica at the same moment; the answers in replica order. */
    private static <T> List<T> race(List<ReplicaSet.Replica> all, Call<T> call) {
        CyclicBarrier start = new CyclicBarrier(all.size());
        List<CompletableFuture<T>> calls = new ArrayList<>();
        for (ReplicaSet.Replica r : all) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    return call.on(r);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static String webapp(String name) {
        return ServerApiTest.example("my-webapp/hdag.yaml").replace("my-webapp-graph", name);
    }

    private static String scalable() {
        String yaml = webapp("scale-graph")
                .replace(
                        "connectionPoints: [ user-db ] # Connects TO user-db",
                        "connectionPoints: [ user-db ] # Connects TO user-db\n"
                                + "          scaling: {minReplicas: 1, maxReplicas: 5, alpha: 50, beta: 0}");
        assertThat(yaml).contains("scaling:");
        return yaml;
    }

    private static String services(String name, int n) {
        StringBuilder yaml = new StringBuilder("hdaGraph:\n  id: " + name + "\n  services:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("    - id: svc-")
                    .append(i)
                    .append("\n      artifact: {ociImage: 'oci://127.0.0.1:5000/test/svc-")
                    .append(i)
                    .append("'}\n      deployment:\n        trigger: {type: standard}\n")
                    .append("        intent: {compute: {cpu: small, ram: small, storage: none}}\n");
        }
        return yaml.toString();
    }

    private static JsonNode awaitStatus(ReplicaSet.Replica r, String graph, String status) throws Exception {
        long deadline = System.nanoTime() + TAKEOVER.toNanos() + TimeUnit.SECONDS.toNanos(10);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Http.Response answer = new Http(r.port()).get("/graphs/" + graph);
            if (answer.status() == 200) {
                last = answer.json();
                if (last.path("status").asText().equals(status)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Graph " + graph + " did not become " + status + "; last seen " + last);
    }

    private static int replicasOf(ReplicaSet.Replica r, String graph) {
        for (JsonNode s : new Http(r.port()).get("/graphs/" + graph).json().path("services")) {
            if (s.path("name").asText().equals("api-backend")) {
                return s.path("replicas").asInt();
            }
        }
        return -1;
    }

    private static void awaitApplied(String graph, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (total(applied(graph)) < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(n + " releases of " + graph + " were not applied within 30 s");
            }
            Thread.sleep(20);
        }
    }

    private static int total(Map<String, Integer> applied) {
        return applied.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> applied(String graph) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (String service :
                column("SELECT service FROM graph_events WHERE graph = ? AND type = 'RELEASE_APPLIED'", graph)) {
            out.merge(service, 1, Integer::sum);
        }
        return out;
    }

    private static List<String> types(String graph) throws Exception {
        return column("SELECT type FROM graph_events WHERE graph = ? ORDER BY id", graph);
    }

    private static List<String> messages(String graph, String type) throws Exception {
        return column("SELECT message FROM graph_events WHERE graph = ? AND type = '" + type + "' ORDER BY id", graph);
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(column(sql, null).get(0));
    }

    private static List<String> column(String sql, String parameter) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
