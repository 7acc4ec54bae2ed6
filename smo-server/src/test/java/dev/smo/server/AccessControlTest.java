package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Read and write tokens, secrets in Helm values, and the alert limit, over real sockets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

    static final String WRITE = "write-token-0123456789";
    static final String READ = "read-token-0123456789";
    static final String SECRET = "s3cr3t-db-password";

    private Orchestrator smo;
    private Javalin app;

    @BeforeAll
    void start() {
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge-a", 16_000, 32L << 30, 0))))
                .build();
        HttpSettings settings = new HttpSettings(Optional.of(WRITE), 1 << 20)
                .withReads(Optional.of(READ), false)
                .withLimits(2, 2);
        app = SmoServer.create(smo, settings).start("127.0.0.1", 0);
        String yaml = ServerApiTest.example("my-webapp/hdag.yaml");
        String withSecrets = yaml.replaceFirst(
                "(?m)^(\\s+)valuesOverwrite:.*$",
                "$1valuesOverwrite:\n$1  database: {password: " + SECRET + ", user: app}\n$1  apiToken: " + SECRET
                        + "\n$1  replicas: 1");
        assertThat(withSecrets)
                .as("the example has a valuesOverwrite to extend")
                .contains(SECRET);
        Http.Response deployed =
                new Http(app.port()).token(WRITE).post("/project/p/graphs", "application/yaml", withSecrets);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(202);
        assertThat(deployed.body()).doesNotContain(SECRET);
    }

    @AfterAll
    void stop() {
        app.stop();
        smo.close();
    }

    private String graph() {
        return smo.list("p").get(0).name();
    }

    @Test
    void readsNeedATokenAndTheReadTokenCannotWrite() {
        Http anonymous = new Http(app.port());
        Http reader = new Http(app.port()).token(READ);

        assertThat(anonymous.get("/graphs/" + graph()).status()).isEqualTo(401);
        assertThat(anonymous.get("/project/p/graphs").status()).isEqualTo(401);
        assertThat(reader.get("/graphs/" + graph()).status()).isEqualTo(200);
        assertThat(reader.get("/clusters").status()).isEqualTo(200);
        Http.Response stop = reader.post("/graphs/" + graph() + "/stop", null, "");
        assertThat(stop.status()).isEqualTo(401);
        assertThat(stop.json().path("detail").asText()).contains("read token cannot change anything");
        assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void secretsAreHiddenUnlessTheWriteTokenAsksForThem() {
        String path = "/graphs/" + graph();
        String reader =
                new Http(app.port()).token(READ).get(path + "?secrets=show").body();
        String writer = new Http(app.port()).token(WRITE).get(path).body();
        String list = new Http(app.port()).token(WRITE).get("/project/p/graphs").body();
        String shown =
                new Http(app.port()).token(WRITE).get(path + "?secrets=show").body();
        String events = new Http(app.port()).token(WRITE).get(path + "/events").body();

        assertThat(reader).doesNotContain(SECRET).contains("\"password\":\"***\"", "\"apiToken\":\"***\"");
        assertThat(writer).doesNotContain(SECRET).contains("\"user\":\"app\"");
        assertThat(list).doesNotContain(SECRET);
        assertThat(events).doesNotContain(SECRET);
        assertThat(shown).contains(SECRET);
    }

    @Test
    void notificationsPastTheAlertLimitAre413() {
        String three = "{\"alerts\": [{\"labels\": {}}, {\"labels\": {}}, {\"labels\": {}}]}";

        Http.Response r = new Http(app.port()).token(WRITE).post("/alerts", "application/json", three);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("errors").get(0).path("path").asText()).isEqualTo("/alerts");
    }
}
