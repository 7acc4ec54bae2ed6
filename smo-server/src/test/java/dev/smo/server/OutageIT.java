package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import dev.smo.core.spi.ReplicaStatus;
import dev.smo.core.spi.Sample;
import dev.smo.core.spi.Series;
import dev.smo.core.spi.WorkloadScaler;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.persistence.PostgresSchemaExtension;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Database outages in the middle of lifecycle work, on real PostgreSQL reached through a TCP proxy that drops and
 * refuses connections for a while: the graph converges without a restart, through the background reconcile.
 */
class OutageIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    /** As long as an operator's database restart or failover can take: longer than any pool or request timeout. */
    private static final Duration OUTAGE = Duration.ofSeconds(45);
    /** How long a graph may take to converge: the outage, then a few reconcile rounds. */
    private static final long CONVERGE_NANOS = OUTAGE.toNanos() + TimeUnit.SECONDS.toNanos(30);

    private TcpProxy proxy;
    private Orchestrator smo;
    private Javalin app;
    private Http http;
    private final DryRunDeployer dryRun = new DryRunDeployer();
    /** Counts down the Helm calls left before the database goes away; negative: never. */
    private final AtomicInteger callsBeforeOutage = new AtomicInteger(-1);
    /** Counts down the scale calls left before the database goes away; negative: never. */
    private final AtomicInteger scalesBeforeOutage = new AtomicInteger(-1);
    /** The request rate the scaling loop reads (requests/s). */
    private final AtomicReference<Double> rate = new AtomicReference<>(0.0);

    @BeforeEach
    void start() throws Exception {
        URI target = URI.create(PostgresSchemaExtension.JDBC_URL.substring("jdbc:".length()));
        proxy = new TcpProxy(target.getHost(), target.getPort());
        String url = DB.jdbcUrl().replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port());
        GraphStore store = PostgresGraphStore.create(new Unpooled(url));
        DB.truncate();
        smo = Orchestrator.builder()
                .store(store)
                .inventory(new StaticClusterInventory(List.of(
                        ClusterInfo.of("edge-a", 16_000, 64L << 30, 0),
                        ClusterInfo.of("edge-b", 16_000, 64L << 30, 0))))
                .deployer(new OutageOnCall())
                .scaler(new OutageOnScale())
                .metrics(new MetricsSource() {
                    @Override
                    public List<Sample> query(String promql) {
                        return List.of(new Sample(Map.of(), rate.get()));
                    }

                    @Override
                    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
                        return List.of();
                    }
                })
                .scalingInterval(Duration.ofMillis(300))
                .reconcileInterval(Duration.ofMillis(200))
                .build();
        app = SmoServer.create(smo, HttpSettings.DEFAULTS).start("127.0.0.1", 0);
        http = new Http(app.port());
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        smo.close();
        proxy.close();
    }

    @Test
    void stopInterruptedByTheDatabaseFinishesOnceItIsBack() {
        deploy("stop-graph");
        callsBeforeOutage.set(1); // the second uninstall takes the database away

        Http.Response accepted = http.post("/graphs/stop-graph/stop", null, "");

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode g = converge("stop-graph", "Stopped");
        g.path("services").forEach(s -> assertThat(s.path("status").asText()).isIn("Not deployed", "Pending"));
        assertThat(dryRun.releases()).isEmpty();
        assertThat(events("stop-graph")).contains("RECONCILE", "STOPPED");
        // Not stuck: the next command is accepted.
        assertThat(http.waiting().post("/graphs/stop-graph/start", null, "").status())
                .isEqualTo(200);
    }

    @Test
    void deployInterruptedByTheDatabaseFinishesOnceItIsBack() {
        callsBeforeOutage.set(1); // the second install takes the database away

        Http.Response accepted = http.post("/project/outage/graphs", "application/yaml", descriptor("deploy-graph"));

        assertThat(accepted.status()).isEqualTo(202);
        converge("deploy-graph", "Running");
        assertThat(dryRun.releases()).containsOnlyKeys("outage/web-frontend", "outage/api-backend");
        assertThat(events("deploy-graph")).contains("RECONCILE", "RUNNING");
    }

    @Test
    void removeInterruptedByTheDatabaseFinishesOnceItIsBack() {
        deploy("remove-graph");
        callsBeforeOutage.set(0);

        assertThat(http.delete("/graphs/remove-graph").status()).isEqualTo(202);

        long deadline = System.nanoTime() + CONVERGE_NANOS;
        while (System.nanoTime() < deadline && statusOrError("remove-graph") != 404) {
            pause();
        }
        assertThat(statusOrError("remove-graph")).isEqualTo(404);
        assertThat(dryRun.releases()).isEmpty();
    }

    /**
     * The scaling loop scales api-backend to 3 replicas, and the database goes away before the round can record
     * it: the loop's later rounds, once the database is back, record what the cluster runs, without a restart.
     */
    @Test
    void scalingRoundInterruptedByTheDatabaseIsRecordedOnceItIsBack() {
        String scalable = descriptor("scale-graph")
                .replace(
                        "connectionPoints: [ user-db ] # Connects TO user-db",
                        "connectionPoints: [ user-db ] # Connects TO user-db\n"
                                + "          scaling: {minReplicas: 1, maxReplicas: 5, alpha: 50, beta: 0}");
        assertThat(scalable).contains("scaling:");
        Http.Response r = http.waiting().post("/project/outage/graphs", "application/yaml", scalable);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        scalesBeforeOutage.set(0); // the first scale takes the database away

        rate.set(120.0); // 120 requests/s at 50 per replica: 3 replicas

        long deadline = System.nanoTime() + CONVERGE_NANOS;
        int stored = 0;
        while (System.nanoTime() < deadline && stored != 3) {
            Http.Response g = http.get("/graphs/scale-graph");
            if (g.status() == 200) {
                for (JsonNode s : g.json().path("services")) {
                    if (s.path("name").asText().equals("api-backend")) {
                        stored = s.path("replicas").asInt();
                    }
                }
            }
            pause();
        }
        assertThat(scalesBeforeOutage.get()).as("the outage happened").isNegative();
        assertThat(stored).as("replicas recorded after the outage").isEqualTo(3);
        assertThat(dryRun.replicas("outage", "api-backend").desired()).isEqualTo(3);
        assertThat(events("scale-graph")).contains("SCALED");
        assertThat(http.get("/graphs/scale-graph").json().path("status").asText())
                .isEqualTo("Running");
    }

    /** Scales, then takes the database away after a number of scale calls, for {@link #OUTAGE}. */
    private final class OutageOnScale implements WorkloadScaler {
        @Override
        public ReplicaStatus replicas(String namespace, String release) {
            return dryRun.replicas(namespace, release);
        }

        @Override
        public void scale(String namespace, String release, int replicas) {
            dryRun.scale(namespace, release, replicas);
            if (scalesBeforeOutage.getAndDecrement() == 0) {
                proxy.cut();
                CompletableFuture.delayedExecutor(OUTAGE.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(proxy::restore);
            }
        }
    }

    private void deploy(String name) {
        Http.Response r = http.waiting().post("/project/outage/graphs", "application/yaml", descriptor(name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static String descriptor(String name) {
        return ServerApiTest.example("my-webapp/hdag.yaml").replace("my-webapp-graph", name);
    }

    /** Polls through the outage (answers fail meanwhile) until the graph reaches the state. */
    private JsonNode converge(String name, String status) {
        long deadline = System.nanoTime() + CONVERGE_NANOS;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Http.Response r = http.get("/graphs/" + name);
            if (r.status() == 200) {
                last = r.json();
                if (last.path("status").asText().equals(status)) {
                    return last;
                }
            }
            pause();
        }
        throw new AssertionError("Graph " + name + " did not become " + status + "; last seen " + last);
    }

    private int statusOrError(String name) {
        return http.get("/graphs/" + name).status();
    }

    private List<String> events(String name) {
        List<String> types = new java.util.ArrayList<>();
        http.get("/graphs/" + name + "/events")
                .json()
                .forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the database away after a number of Helm calls, for {@link #OUTAGE}. */
    private void maybeCut() {
        if (callsBeforeOutage.getAndDecrement() == 0) {
            proxy.cut();
            CompletableFuture.delayedExecutor(OUTAGE.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(proxy::restore);
        }
    }

    private final class OutageOnCall implements Deployer {
        @Override
        public ReleaseStatus apply(ReleaseSpec spec) {
            ReleaseStatus status = dryRun.apply(spec);
            maybeCut();
            return status;
        }

        @Override
        public void uninstall(String namespace, String release) {
            dryRun.uninstall(namespace, release);
            maybeCut();
        }

        @Override
        public Optional<ReleaseStatus> status(String namespace, String release) {
            return dryRun.status(namespace, release);
        }
    }

    /** One new connection per use, so a refused connection fails at once instead of waiting in a pool. */
    private record Unpooled(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, PostgresSchemaExtension.USER, PostgresSchemaExtension.PASSWORD);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("Not a wrapper.");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
