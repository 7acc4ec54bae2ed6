package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract check itself: answers the server could give pass, answers off the contract fail, with the reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

    private Orchestrator smo;
    private Javalin app;
    private String base;

    @BeforeAll
    void start() {
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge-a", 16_000, 32L << 30, 0))))
                .build();
        app = SmoServer.create(smo, new HttpSettings(Optional.empty(), 64 * 1024))
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    void stop() {
        app.stop();
        smo.close();
    }

    static Stream<Arguments> answers() {
        String service = "{\"name\":\"s\",\"status\":\"Deployed\",\"grafana\":null,\"cluster_affinity\":\"edge-a\","
                + "\"cpu\":0.5,\"memory\":\"1Gi\",\"storage\":null,\"gpu\":0,\"cpuMillis\":500,\"memoryBytes\":1,"
                + "\"storageBytes\":0,\"replicas\":1,\"values_overwrite\":{\"replicaCount\":1,\"tags\":[\"a\"],"
                + "\"nested\":{\"x\":null}},\"artifact_ref\":\"oci://r/s\",\"artifact_type\":null,"
                + "\"artifact_implementer\":null,\"alertRules\":[{\"alert\":\"a\",\"expr\":\"up\",\"forDuration\":null,"
                + "\"labels\":{},\"annotations\":{}}],\"lastError\":null}";
        String graph = "{\"name\":\"g\",\"status\":\"Deployed\",\"project\":\"p\",\"grafana\":null,\"hdaGraph\":{},"
                + "\"placement\":{\"s\":\"edge-a\"},\"services\":[" + service + "],\"version\":1,"
                + "\"createdAt\":\"t\",\"updatedAt\":\"t\",\"dryRun\":true}";
        String problem = "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":404,\"detail\":\"d\",\"instance\":null,"
                + "\"errors\":[]}";
        return Stream.of(
                Arguments.of(
                        "graph with nulls and any Helm values",
                        "GET",
                        "/graphs/g",
                        200,
                        "application/json",
                        graph,
                        null),
                Arguments.of("problem", "GET", "/graphs/g", 404, "application/problem+json", problem, null),
                Arguments.of(
                        "replicas as text",
                        "GET",
                        "/graphs/g",
                        200,
                        "application/json",
                        graph.replace("\"replicas\":1", "\"replicas\":\"1\""),
                        "/services/0/replicas"),
                Arguments.of(
                        "a property the schema does not have",
                        "GET",
                        "/graphs/g",
                        200,
                        "application/json",
                        graph.replace("\"dryRun\":true", "\"dryRun\":true,\"extra\":1"),
                        "extra"),
                Arguments.of(
                        "null where none is allowed",
                        "GET",
                        "/graphs/g",
                        200,
                        "application/json",
                        graph.replace("\"name\":\"g\"", "\"name\":null"),
                        "/name"),
                Arguments.of(
                        "undeclared status", "GET", "/graphs/g", 418, "application/json", graph, "undeclared status"),
                Arguments.of(
                        "undeclared media type", "GET", "/graphs/g", 200, "text/html", "<p>", "undeclared media type"),
                Arguments.of("not JSON", "GET", "/graphs/g", 200, "application/json", "{", "not JSON"),
                Arguments.of(
                        "unknown path must be 404",
                        "GET",
                        "/nowhere",
                        200,
                        "application/json",
                        "{}",
                        "undeclared path"),
                Arguments.of("unknown method must be 405", "PATCH", "/graphs/g", 200, "", "", "undeclared method"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void checks(String name, String method, String path, int status, String type, String body, String failureMentions) {
        if (failureMentions == null) {
            assertThatCode(() -> OpenApiContract.check(base, method, path, status, type, body))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> OpenApiContract.check(base, method, path, status, type, body))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(failureMentions);
        }
    }
}
