package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.Sample;
import dev.smo.core.spi.Series;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The profile routes, their problems and the profile in the graph view; every answer is checked against the contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileApiTest {

    private static final String GRAPH = """
            hdaGraph:
              id: shop
              services:
                - id: web
                  artifact: {ociImage: oci://registry/web}
                  deployment:
                    trigger: {type: standard}
                    intent:
                      compute: {cpu: 100m, ram: 64Mi}
                      scaling: {maxReplicas: 8}
                - id: idle
                  artifact: {ociImage: oci://registry/idle}
                  deployment:
                    trigger: {type: standard}
                    intent:
                      compute: {cpu: 100m, ram: 64Mi}
                      scaling: {maxReplicas: 8, requestRate: 'sum(rate(idle[1m]))'}
            """;

    private Orchestrator smo;
    private Javalin app;
    private Http http;

    /** web: replicas 1..4 in 10-minute steps serving 25·r + 5; idle: one replica, no traffic. */
    private static final MetricsSource METRICS = new MetricsSource() {
        @Override
        public List<Sample> query(String promql) {
            return List.of(new Sample(Map.of(), 0));
        }

        @Override
        public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
            List<Series.Point> points = new ArrayList<>();
            for (Instant t = start; !t.isAfter(end); t = t.plus(step)) {
                int replicas = promql.contains("\"idle\"") ? 1 : 1 + (int) ((t.getEpochSecond() / 600) % 4);
                double value = promql.contains("kube_deployment_status_replicas")
                        ? replicas
                        : promql.contains("idle") ? 0 : 25.0 * replicas + 5;
                points.add(new Series.Point(t, value));
            }
            return List.of(new Series(Map.of(), points));
        }
    };

    @BeforeAll
    void start() {
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge", 16_000, 32L << 30, 0))))
                .metrics(METRICS)
                .build();
        app = SmoServer.create(smo, new HttpSettings(Optional.of(ServerApiTest.TOKEN), 64 * 1024))
                .start("127.0.0.1", 0);
        http = new Http(app.port()).token(ServerApiTest.TOKEN);
        http.waiting().post("/project/p/graphs", "application/yaml", GRAPH);
    }

    @AfterAll
    void stop() {
        app.stop();
        smo.close();
    }

    @Test
    void learnsStoresAndShowsAProfile() {
        assertThat(http.get("/graphs/shop/services/web/profile").status()).isEqualTo(404);

        Http.Response learned = http.post("/graphs/shop/services/web/profile?since=6h", "application/json", "");

        assertThat(learned.status()).isEqualTo(201);
        assertThat(learned.json().path("profile").path("alpha").asDouble()).isCloseTo(25, within());
        assertThat(learned.json().path("profile").path("beta").asDouble()).isCloseTo(5, within());
        assertThat(learned.json().path("samples")).hasSize(721);
        assertThat(learned.json().path("samples").get(0).path("verdict").asText())
                .isEqualTo("USED");
        int version = learned.json().path("profile").path("version").asInt();
        Http.Response current = http.get("/graphs/shop/services/web/profile");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("version").asInt()).isEqualTo(version);
        assertThat(current.json().path("alphaInterval")).hasSize(2);
        Http.Response graph = http.get("/graphs/shop");
        assertThat(graph.json()
                        .path("services")
                        .get(0)
                        .path("profile")
                        .path("version")
                        .asInt())
                .isEqualTo(version);
        assertThat(graph.json().path("services").get(1).path("profile").isNull())
                .isTrue();
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("POST", "/graphs/nope/services/web/profile", 404, "graph-not-found", "/name"),
                Arguments.of("GET", "/graphs/nope/services/web/profile", 404, "graph-not-found", "/name"),
                Arguments.of("POST", "/graphs/shop/services/db/profile", 404, "service-not-found", "/service"),
                Arguments.of("GET", "/graphs/shop/services/db/profile", 404, "service-not-found", "/service"),
                Arguments.of("GET", "/graphs/shop/services/idle/profile", 404, "graph-not-found", "/name"),
                Arguments.of("POST", "/graphs/shop/services/idle/profile", 422, "profile-refused", "/since"),
                Arguments.of("POST", "/graphs/shop/services/web/profile?since=6 hours", 400, "bad-request", "/since"),
                Arguments.of("POST", "/graphs/shop/services/web/profile?since=40d", 400, "bad-request", "/since"),
                Arguments.of("POST", "/graphs/shop/services/web/profile?since=30s", 400, "bad-request", "/since"));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("problems")
    void problemsCarryTheirStatusTypeAndPath(String method, String path, int status, String type, String pointer) {
        Http.Response r = method.equals("GET")
                ? http.get(path.replace(" ", "%20"))
                : http.post(path.replace(" ", "%20"), "application/json", "");

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.json().path("type").asText()).endsWith(type);
        assertThat(r.json().path("errors").get(0).path("path").asText()).isEqualTo(pointer);
    }

    @Test
    void aRefusalSaysWhy() {
        Http.Response r = http.post("/graphs/shop/services/idle/profile?since=1h", "application/json", "");

        assertThat(r.json().path("title").asText()).isEqualTo("No profile: NO_TRAFFIC");
        assertThat(r.json().path("detail").asText()).contains("served no requests");
    }

    @Test
    void countsTheCases() {
        assertThat(problems()).hasSize(9);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
