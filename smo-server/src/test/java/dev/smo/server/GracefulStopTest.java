package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A stop lets requests in flight finish and refuses new ones, before the HTTP server goes. */
class GracefulStopTest {

    @Test
    void drainWaitsForRequestsInFlightAndRefusesNewOnes() throws Exception {
        Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge-a", 16_000, 32L << 30, 0))))
                .deployer(new DryRunDeployer(Duration.ofMillis(400)))
                .build();
        InFlight inFlight = new InFlight();
        Javalin app = SmoServer.create(smo, HttpSettings.DEFAULTS, inFlight).start("127.0.0.1", 0);
        try {
            Http http = new Http(app.port());
            assertThat(http.get("/health/live").status()).isEqualTo(200); // also loads the contract
            CompletableFuture<Http.Response> slow = CompletableFuture.supplyAsync(() -> http.waiting()
                    .post("/project/p/graphs", "application/yaml", ServerApiTest.example("my-webapp/hdag.yaml")));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (inFlight.running() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
                try {
                    return inFlight.drain(Duration.ofSeconds(20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            Thread.sleep(50);
            Http.Response refused = http.get("/health/live");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().path("type").asText()).endsWith("/shutting-down");
            assertThat(drained.get()).as("every request finished").isTrue();
            assertThat(slow.get().status()).as(slow.get().body()).isEqualTo(201);
        } finally {
            app.stop();
            smo.close();
        }
    }
}
