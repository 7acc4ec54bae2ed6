package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest {

    static final Path EXAMPLES = Path.of("../smo-examples");
    static final String TOKEN = "0123456789abcdef-test-token";

    private Orchestrator smo;
    private Javalin app;
    private Http http;

    static String example(String path) {
        try {
            return Files.readString(EXAMPLES.resolve(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void start() {
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(
                        ClusterInfo.of("edge-a", 16_000, 32L << 30, 0),
                        ClusterInfo.of("edge-b", 16_000, 32L << 30, 0))))
                .build();
        app = SmoServer.create(smo, new HttpSettings(Optional.of(TOKEN), 64 * 1024).withGetAliases(true))
                .start("127.0.0.1", 0);
        http = new Http(app.port()).token(TOKEN);
    }

    @AfterAll
    void stop() {
        app.stop();
        smo.close();
    }

    @Test
    void deployAcceptsYamlAndAnswers202WithTheGraphDeployingThenItRuns() {
        Http.Response r = http.post(
                "/project/yaml/graphs",
                "application/yaml",
                example("brussels-demo/hdag.yaml").replace("image-detection-graph", "yaml-graph"));

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("Location")).contains("/graphs/yaml-graph");
        assertThat(r.json().path("name").asText()).isEqualTo("yaml-graph");
        assertThat(r.json().path("status").asText()).isEqualTo("Deploying");
        assertThat(r.json().path("dryRun").asBoolean()).isTrue();
        assertThat(http.get("/health").json().path("dryRun").asBoolean()).isTrue();
        assertThat(http.awaitSettled("yaml-graph").json().path("status").asText())
                .isEqualTo("Running");
        assertThat(r.json().path("project").asText()).isEqualTo("yaml");
        assertThat(r.json().path("hdaGraph").path("id").asText()).isEqualTo("yaml-graph");
        assertThat(r.json().path("services")).hasSize(3);
        assertThat(r.json().path("placement").size()).isEqualTo(3);
        assertThat(http.get("/graphs/yaml-graph")
                        .json()
                        .path("services")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("Pending");
    }

    @Test
    void deployAcceptsTheOriginalsDoubleEncodedJsonString() throws Exception {
        String yaml = example("my-webapp/hdag.yaml").replace("my-webapp-graph", "string-graph");
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(yaml);

        Http.Response r = http.post("/project/strings/graphs", "application/json", body);

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().path("name").asText()).isEqualTo("string-graph");
    }

    @Test
    void deployAcceptsAJsonObject() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        Object tree =
                yaml.readValue(example("my-webapp/hdag.yaml").replace("my-webapp-graph", "object-graph"), Object.class);
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree);

        Http.Response r = http.waiting().post("/project/objects/graphs", "application/json", body);

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Preference-Applied")).contains("wait=30");
        assertThat(r.json().path("status").asText()).isEqualTo("Running");
        assertThat(http.get("/project/objects/graphs").json()).hasSize(1);
    }

    static Stream<Arguments> badRequests() {
        String brussels = example("brussels-demo/hdag.yaml");
        return Stream.of(
                Arguments.of("empty body", "/project/p/graphs", "application/json", "", 400, ""),
                Arguments.of("malformed JSON", "/project/p/graphs", "application/json", "{\"hdaGraph\": ", 400, ""),
                Arguments.of(
                        "artifact not a string",
                        "/project/p/graphs",
                        "application/json",
                        "{\"artifact\": 42}",
                        400,
                        "/artifact"),
                Arguments.of(
                        "neither descriptor nor artifact",
                        "/project/p/graphs",
                        "application/json",
                        "{\"graph\": {}}",
                        400,
                        "/hdaGraph"),
                Arguments.of("JSON array", "/project/p/graphs", "application/json", "[1, 2]", 400, ""),
                Arguments.of(
                        "invalid descriptor",
                        "/project/p/graphs",
                        "application/yaml",
                        brussels.replace("id: noise-reduction", "id: Noise_Reduction"),
                        422,
                        "/hdaGraph/services/1/id"),
                Arguments.of(
                        "project not a namespace",
                        "/project/Bad_Project/graphs",
                        "application/yaml",
                        brussels,
                        422,
                        "/project"),
                Arguments.of(
                        "alerts without list",
                        "/alerts",
                        "application/json",
                        "{\"status\": \"firing\"}",
                        400,
                        "/alerts"),
                Arguments.of(
                        "alert not an object", "/alerts", "application/json", "{\"alerts\": [1]}", 400, "/alerts/0"),
                Arguments.of(
                        "plan of an artifact",
                        "/plan",
                        "application/json",
                        "{\"artifact\": \"oci://x/y\"}",
                        400,
                        "/artifact"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsGetAProblemWithAFieldPath(
            String name, String path, String type, String body, int status, String field) {
        Http.Response r = http.post(path, type, body);

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("detail").asText()).isNotBlank();
        assertThat(r.json().path("errors")).isNotEmpty();
        assertThat(r.json().path("errors").findValuesAsText("path")).contains(field);
    }

    @Test
    void wrongMethodsOnKnownPathsAre405WithAllow() {
        Http.Response put = http.send("PUT", "/graphs/any-graph");
        Http.Response getPlan = http.get("/plan");

        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow").orElseThrow()).contains("GET", "DELETE");
        assertThat(put.contentType()).startsWith("application/problem+json");
        assertThat(getPlan.status()).isEqualTo(405);
        assertThat(getPlan.header("Allow")).contains("POST");
    }

    @Test
    void unknownGraphsAndRoutesAre404Problems() {
        Http.Response graph = http.get("/graphs/nope");
        Http.Response route = http.get("/nothing/here");
        Http.Response stop = http.post("/graphs/nope/stop", null, "");

        assertThat(graph.status()).isEqualTo(404);
        assertThat(graph.contentType()).startsWith("application/problem+json");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.contentType()).startsWith("application/problem+json");
        assertThat(stop.status()).isEqualTo(404);
    }

    @Test
    void deployingTheSameGraphTwiceIs409() {
        String yaml = example("my-webapp/hdag.yaml").replace("my-webapp-graph", "twice-graph");
        assertThat(http.post("/project/twice/graphs", "application/yaml", yaml).status())
                .isEqualTo(202);

        Http.Response again = http.post("/project/twice/graphs", "application/yaml", yaml);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("errors").get(0).path("path").asText()).isEqualTo("/hdaGraph/id");
    }

    @Test
    void stoppingAStoppedGraphIs409AndStartAnswersTheGraph() {
        String yaml = example("my-webapp/hdag.yaml").replace("my-webapp-graph", "cycle-graph");
        Http waiting = http.waiting();
        waiting.post("/project/cycle/graphs", "application/yaml", yaml);

        assertThat(waiting.post("/graphs/cycle-graph/stop", null, "")
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("Stopped");
        assertThat(waiting.post("/graphs/cycle-graph/stop", null, "").status()).isEqualTo(409);
        Http.Response started = waiting.get("/graphs/cycle-graph/start");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().path("status").asText()).isEqualTo("Running");
    }

    @Test
    void bodiesOverTheLimitAre413Problems() {
        String huge = "x".repeat(200 * 1024);

        Http.Response r = http.post("/project/p/graphs", "application/yaml", huge);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void mutatingRoutesNeedTheTokenAndReadsToo() {
        Http anonymous = new Http(app.port());

        assertThat(anonymous
                        .post("/project/p/graphs", "application/yaml", example("my-webapp/hdag.yaml"))
                        .status())
                .isEqualTo(401);
        assertThat(anonymous.get("/graphs/anything/stop").status()).isEqualTo(401);
        assertThat(anonymous.delete("/graphs/anything").status()).isEqualTo(401);
        assertThat(new Http(app.port())
                        .token("wrong-token-0123456789")
                        .post("/alerts", "application/json", "{\"alerts\": []}")
                        .status())
                .isEqualTo(401);
        assertThat(anonymous.get("/project/p/graphs").status()).isEqualTo(401);
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void planAnswersThePlacementWithoutDeploying() {
        String yaml = example("brussels-demo/hdag.yaml").replace("image-detection-graph", "plan-graph");

        Http.Response r = http.post("/plan?project=demo", "application/yaml", yaml);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("feasible").asBoolean()).isTrue();
        assertThat(r.json().path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(r.json().path("services")).hasSize(3);
        assertThat(http.get("/graphs/plan-graph").status()).isEqualTo(404);
    }

    @Test
    void clustersListsTheInventory() {
        Http.Response r = http.get("/clusters");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(2);
        assertThat(r.json().get(0).path("name").asText()).isEqualTo("edge-a");
        assertThat(r.json().get(0).path("available_cpu").asDouble()).isEqualTo(16.0);
        assertThat(r.json().get(0).path("available_ram").asText()).isEqualTo("32Gi");
        assertThat(http.get("/clusters/").json()).hasSize(2);
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        Http.Response spec = http.get("/openapi.json");
        Http.Response ui = http.get("/docs");

        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.json().path("paths").has("/project/{project}/graphs")).isTrue();
        assertThat(spec.json().path("paths").has("/alerts")).isTrue();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void metricsAreInPrometheusFormat() {
        http.get("/health");

        Http.Response r = http.get("/metrics");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("smo_http_requests_total{")
                .contains("route=\"/health\"")
                .contains("smo_graphs{");
    }
}
