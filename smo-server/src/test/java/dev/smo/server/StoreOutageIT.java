package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.persistence.Databases;
import dev.smo.persistence.PooledDataSource;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.persistence.PostgresSchemaExtension;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real PostgreSQL behind a relay the test cuts: answers are 503 with Retry-After, fast, and recover. */
class StoreOutageIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    @Test
    void aDeadDatabaseGives503FastAndHealthReportsDownUntilItIsBack() throws Exception {
        int pgPort = URI.create(DB.jdbcUrl().substring("jdbc:".length())).getPort();
        try (CuttableProxy proxy = new CuttableProxy(pgPort);
                PooledDataSource pool = Databases.fromUrl(
                        DB.jdbcUrl().replace(":" + pgPort + "/", ":" + proxy.port() + "/"),
                        PostgresSchemaExtension.USER,
                        PostgresSchemaExtension.PASSWORD)) {
            Orchestrator smo = Orchestrator.builder()
                    .store(PostgresGraphStore.create(pool))
                    .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge-a", 16_000, 32L << 30, 0))))
                    .build();
            Javalin app = SmoServer.create(smo, HttpSettings.DEFAULTS).start("127.0.0.1", 0);
            try {
                Http http = new Http(app.port());
                String yaml = ServerApiTest.example("my-webapp/hdag.yaml");
                assertThat(http.waiting()
                                .post("/project/p/graphs", "application/yaml", yaml)
                                .status())
                        .isEqualTo(201);
                String name = smo.list("p").get(0).name();

                proxy.cut();
                long start = System.nanoTime();
                Http.Response get = http.get("/graphs/" + name);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                Http.Response deploy = http.post("/project/q/graphs", "application/yaml", yaml);
                Http.Response ready = http.get("/health/ready");
                Http.Response live = http.get("/health/live");
                Http.Response metrics = http.get("/metrics");

                assertThat(get.status()).as(get.body()).isEqualTo(503);
                assertThat(get.json().path("type").asText()).endsWith("/store-unavailable");
                assertThat(took).as("answered without a 30 s pool wait").isLessThan(Duration.ofSeconds(8));
                assertThat(deploy.status()).isEqualTo(503);
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().path("store").asText()).isEqualTo("DOWN");
                assertThat(live.status()).isEqualTo(200);
                assertThat(metrics.status()).isEqualTo(200);
                assertThat(metrics.body()).contains("smo_store_up 0");

                proxy.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int status = 0;
                while (status != 200 && System.nanoTime() < deadline) {
                    status = http.get("/health/ready").status();
                    Thread.sleep(200);
                }
                assertThat(status).as("ready again without a restart").isEqualTo(200);
                assertThat(http.get("/graphs/" + name).status()).isEqualTo(200);
            } finally {
                app.stop();
                smo.close();
            }
        }
    }
}
