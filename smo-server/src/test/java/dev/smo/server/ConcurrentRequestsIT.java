package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.GraphStore;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.persistence.PostgresSchemaExtension;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent requests on one graph, on PostgreSQL: one wins, the others get 409, and the graph stays whole. */
class ConcurrentRequestsIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private Orchestrator smo;
    private Javalin app;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        GraphStore store = PostgresGraphStore.create(DB.dataSource());
        DB.truncate();
        smo = Orchestrator.builder()
                .store(store)
                .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge-a", 32_000, 64L << 30, 0))))
                .deployer(new DryRunDeployer(Duration.ofMillis(150)))
                .build();
        app = SmoServer.create(smo, HttpSettings.DEFAULTS).start("127.0.0.1", 0);
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        app.stop();
        smo.close();
    }

    private static List<Integer> race(int clients, java.util.function.Supplier<Integer> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return call.get();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> c : calls) {
            statuses.add(c.get());
        }
        return statuses;
    }

    @Test
    void concurrentStopsLetOneWinAndAnswerTheOthers409() throws Exception {
        http.waiting().post("/project/race/graphs", "application/yaml", ServerApiTest.example("my-webapp/hdag.yaml"));

        List<Integer> statuses = race(
                4, () -> http.post("/graphs/my-webapp-graph/stop", null, "").status());

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        var g = http.awaitSettled("my-webapp-graph").json();
        assertThat(g.path("status").asText()).isEqualTo("Stopped");
        assertThat(g.path("services")).hasSize(3);
    }

    @Test
    void concurrentDeploysOfOneGraphCreateItOnce() throws Exception {
        String yaml = ServerApiTest.example("my-webapp/hdag.yaml");

        List<Integer> statuses = race(
                4,
                () -> http.post("/project/race/graphs", "application/yaml", yaml)
                        .status());

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        assertThat(http.get("/project/race/graphs").json()).hasSize(1);
        assertThat(http.awaitSettled("my-webapp-graph").json().path("status").asText())
                .isEqualTo("Running");
    }
}
