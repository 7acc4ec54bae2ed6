package dev.smo.server.bench;

import dev.smo.server.ReplicaSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Several {@code smo serve} processes on one PostgreSQL (127.0.0.1:5432, a fresh schema per run), dry run:
 * throughput of {@code GET /graphs/{name}} and of deploy+remove cycles with 1 and with 3 replicas, requests spread
 * round-robin over the replicas; then the failover time: the leader is killed (SIGKILL) in the middle of a deploy,
 * and the bench measures until another replica leads and until that deploy is finished. Run with
 * {@code ./bench ha [seconds 10] [clients 8] [lease ttl s 15]}; needs the test class path ({@code ./bench} builds it).
 */
public final class HaBench {

    private static final String JDBC = System.getProperty("smo.test.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("smo.test.user", "postgres");

    private HaBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int ttl = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path example = Path.of("smo-examples/my-webapp/hdag.yaml");
        String descriptor =
                Files.readString(Files.exists(example) ? example : Path.of("..").resolve(example));
        System.out.printf(
                Locale.ROOT,
                "SMO replicas on one PostgreSQL, %d s per run, %d concurrent clients, loopback HTTP, dry run, "
                        + "lease %d s%n",
                seconds,
                clients,
                ttl);
        System.out.printf(
                Locale.ROOT,
                "%-10s %-14s %10s %9s %9s %7s%n",
                "replicas",
                "operation",
                "req/s",
                "p50 ms",
                "p99 ms",
                "errors");
        for (int n : new int[] {1, 3}) {
            withReplicas(n, ttl, Map.of(), set -> throughput(set, n, descriptor, seconds, clients));
        }
        withReplicas(3, ttl, Map.of("SMO_DRY_RUN_LATENCY_MS", "300"), HaBench::failover);
    }

    private interface Run {
        void on(ReplicaSet set) throws Exception;
    }

    private static void withReplicas(int n, int ttl, Map<String, String> more, Run run) throws Exception {
        String schema =
                "smo_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ServerLoadBench.sql("CREATE SCHEMA " + schema);
        Path home = Files.createTempDirectory("smo-ha-bench");
        Path clusters = home.resolve("clusters.yaml");
        StringBuilder yaml = new StringBuilder("clusters:\n");
        for (int i = 0; i < 20; i++) {
            yaml.append("  - {name: cluster-").append(i).append(", cpu: '1000', memory: 4096Gi}\n");
        }
        Files.writeString(clusters, yaml);
        Map<String, String> env = new HashMap<>(more);
        env.put("SMO_DATABASE_URL", JDBC + "?currentSchema=" + schema);
        env.put("DB_USER", USER);
        env.put("SMO_CLUSTERS_FILE", clusters.toString());
        env.put("SMO_LEADER_LEASE_TTL_S", Integer.toString(ttl));
        try (ReplicaSet set = new ReplicaSet(home, env, List.of())) {
            set.start(n);
            run.on(set);
        } finally {
            ServerLoadBench.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void throughput(ReplicaSet set, int n, String descriptor, int seconds, int clients)
            throws Exception {
        List<String> bases =
                set.all().stream().map(r -> "http://127.0.0.1:" + r.port()).toList();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 50; i++) {
            ServerLoadBench.send(http, ServerLoadBench.deploy(bases.get(i % n), descriptor, "seed-" + i));
        }
        IntFunction<List<HttpRequest>> gets =
                i -> List.of(HttpRequest.newBuilder(URI.create(bases.get(i % n) + "/graphs/seed-" + (i % 50)))
                        .GET()
                        .build());
        ServerLoadBench.load(http, gets, 2, clients);
        print(n, "GET graph", ServerLoadBench.load(http, gets, seconds, clients));
        AtomicInteger sequence = new AtomicInteger();
        IntFunction<List<HttpRequest>> cycles = i -> {
            String name = "cycle-" + sequence.incrementAndGet();
            String base = bases.get(i % n);
            return List.of(
                    ServerLoadBench.deploy(base, descriptor, name),
                    HttpRequest.newBuilder(URI.create(base + "/graphs/" + name))
                            .header("Prefer", "wait=30")
                            .DELETE()
                            .build());
        };
        ServerLoadBench.load(http, cycles, 2, clients);
        print(n, "deploy+remove", ServerLoadBench.load(http, cycles, seconds, clients));
    }

    private static void failover(ReplicaSet set) throws Exception {
        ReplicaSet.Replica leader = set.awaitLeader(set.all(), Duration.ofSeconds(30));
        StringBuilder yaml = new StringBuilder("hdaGraph:\n  id: failover-graph\n  services:\n");
        for (int i = 0; i < 8; i++) {
            yaml.append("    - id: svc-")
                    .append(i)
                    .append("\n      artifact: {ociImage: 'oci://127.0.0.1:5000/test/svc-")
                    .append(i)
                    .append("'}\n      deployment:\n        trigger: {type: standard}\n")
                    .append("        intent: {compute: {cpu: small, ram: small, storage: none}}\n");
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + leader.port() + "/project/bench/graphs"))
                        .header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofString(yaml.toString()))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        Thread.sleep(700); // two of the eight releases are applied
        set.kill(leader);
        long killed = System.nanoTime();
        List<ReplicaSet.Replica> rest = set.live();
        ReplicaSet.Replica next = set.awaitLeader(rest, Duration.ofMinutes(2));
        double elected = (System.nanoTime() - killed) / 1e9;
        String url = "http://127.0.0.1:" + next.port() + "/graphs/failover-graph";
        while (!http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body()
                .contains("\"status\":\"Running\"")) {
            Thread.sleep(20);
        }
        double finished = (System.nanoTime() - killed) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "failover (3 replicas): leader %s killed; %s leads after %.1f s; its deploy finished after %.1f s%n",
                leader.id(),
                next.id(),
                elected,
                finished);
    }

    private static void print(int replicas, String operation, ServerLoadBench.Result r) {
        System.out.printf(
                Locale.ROOT,
                "%-10d %-14s %10.1f %9.2f %9.2f %7d%n",
                replicas,
                operation,
                r.perSecond(),
                r.percentileMillis(0.50),
                r.percentileMillis(0.99),
                r.errors());
    }
}
