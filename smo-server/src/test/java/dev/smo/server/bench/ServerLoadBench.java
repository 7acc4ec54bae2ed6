package dev.smo.server.bench;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.GraphStore;
import dev.smo.persistence.Databases;
import dev.smo.persistence.PooledDataSource;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.server.HttpSettings;
import dev.smo.server.SmoServer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Load benchmark of the REST server: {@code GET /graphs/{name}} and deploy/remove cycles over loopback HTTP, on the
 * PostgreSQL store (127.0.0.1:5432, a fresh schema) side by side with the in-memory store, with the dry-run
 * deployer. Each operation runs 2 s unmeasured first. Prints requests/s, p50 and p99 per store. Run with
 * {@code ./bench server [seconds] [clients]}.
 */
public final class ServerLoadBench {

    private static final String JDBC = System.getProperty("smo.test.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("smo.test.user", "postgres");

    private ServerLoadBench() {}

    @SuppressWarnings("ArrayRecordComponent") // a result carrier, never compared
    record Result(int requests, int errors, double seconds, long[] nanos) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path example = Path.of("smo-examples/my-webapp/hdag.yaml");
        String descriptor =
                Files.readString(Files.exists(example) ? example : Path.of("..").resolve(example));
        System.out.printf(
                Locale.ROOT,
                "SMO server load, %d s per run, %d concurrent clients, loopback HTTP, dry run%n",
                seconds,
                clients);
        System.out.printf(
                Locale.ROOT,
                "%-10s %-14s %10s %9s %9s %7s%n",
                "store",
                "operation",
                "req/s",
                "p50 ms",
                "p99 ms",
                "errors");
        String schema =
                "smo_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sql("CREATE SCHEMA " + schema);
        try (PooledDataSource source = Databases.fromUrl(JDBC + "?currentSchema=" + schema, USER, null)) {
            run("postgres", PostgresGraphStore.create(source), descriptor, seconds, clients);
            run("memory", new InMemoryGraphStore(), descriptor, seconds, clients);
        } finally {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void run(String label, GraphStore store, String descriptor, int seconds, int clients)
            throws Exception {
        List<ClusterInfo> clusters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clusters.add(ClusterInfo.of("cluster-" + i, 1_000_000, 4096L << 30, 0));
        }
        try (Orchestrator smo = Orchestrator.builder()
                .store(store)
                .inventory(new StaticClusterInventory(clusters))
                .build()) {
            Javalin app = SmoServer.create(smo, new HttpSettings(java.util.Optional.empty(), 1 << 20))
                    .start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                for (int i = 0; i < 50; i++) {
                    send(http, deploy(base, descriptor, "seed-" + i));
                }
                IntFunction<List<HttpRequest>> gets =
                        n -> List.of(HttpRequest.newBuilder(URI.create(base + "/graphs/seed-" + (n % 50)))
                                .GET()
                                .build());
                load(http, gets, 2, clients);
                print(label, "GET graph", load(http, gets, seconds, clients));
                AtomicInteger sequence = new AtomicInteger();
                IntFunction<List<HttpRequest>> cycles = n -> {
                    String name = "cycle-" + sequence.incrementAndGet();
                    return List.of(
                            deploy(base, descriptor, name),
                            HttpRequest.newBuilder(URI.create(base + "/graphs/" + name))
                                    .header("Prefer", "wait=30")
                                    .DELETE()
                                    .build());
                };
                load(http, cycles, 2, clients); // warm-up: the JIT compiles the lifecycle before it is measured
                print(label, "deploy+remove", load(http, cycles, seconds, clients));
            } finally {
                app.stop();
            }
        }
    }

    static HttpRequest deploy(String base, String descriptor, String name) {
        return HttpRequest.newBuilder(URI.create(base + "/project/bench/graphs"))
                .header("Content-Type", "application/yaml")
                .header("Prefer", "wait=30") // a cycle is a finished deploy, then a finished removal
                .POST(HttpRequest.BodyPublishers.ofString(descriptor.replace("my-webapp-graph", name)))
                .build();
    }

    /** Each client repeats the request sequence until the time is up; a sequence counts as one operation. */
    static Result load(HttpClient http, IntFunction<List<HttpRequest>> sequence, int seconds, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] nanos = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    for (HttpRequest r : sequence.apply(counter.getAndIncrement())) {
                        if (send(http, r) >= 300) {
                            errors.incrementAndGet();
                        }
                    }
                    if (n == nanos.length) {
                        nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(nanos, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(merged.length, errors.get(), elapsed, merged);
    }

    static int send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void print(String store, String operation, Result r) {
        System.out.printf(
                Locale.ROOT,
                "%-10s %-14s %10.1f %9.2f %9.2f %7d%n",
                store,
                operation,
                r.perSecond(),
                r.percentileMillis(0.50),
                r.percentileMillis(0.99),
                r.errors());
    }

    static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, USER, null);
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
