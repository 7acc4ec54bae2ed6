package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.server.HttpSettings;
import dev.smo.server.SmoServer;
import io.javalin.Javalin;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client commands against a real server on a free port, backed by an in-memory orchestrator. */
class ClientCommandsTest {

    private static final String BRUSSELS = Cli.example("brussels-demo/hdag.yaml");
    private static final String GRAPH = "image-detection-graph";
    private static final String TOKEN = "0123456789abcdef-cli-token";

    private Orchestrator smo;
    private Javalin app;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        app = server(HttpSettings.DEFAULTS);
        env = Map.of("SMO_URL", "http://127.0.0.1:" + app.port() + "/");
    }

    private Javalin server(HttpSettings settings) {
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(StaticClusterInventory.fromFile(Path.of(Cli.example("clusters.yaml"))))
                .build();
        return SmoServer.create(smo, settings).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        smo.close();
    }

    private Cli smo(String... args) {
        return Cli.runWith(env, args);
    }

    @Test
    void drivesTheWholeLifecycle() throws Exception {
        Cli deploy = smo("deploy", BRUSSELS, "--project", "demo");
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.out())
                .startsWith("Deployed graph " + GRAPH + " into project demo.\n"
                        + "Graph " + GRAPH + ": Running (project demo)\n"
                        + "SERVICE               STATUS    CLUSTER        REPLICAS  LAST ERROR\n");
        assertThat(deploy.out())
                .containsPattern("image-compression-vo +Pending +brussels-core +1 +-\n")
                .containsPattern("image-detection +Deployed +brussels-core +1 +-\n");

        Cli get = smo("get", GRAPH);
        assertThat(get.exitCode()).isZero();
        assertThat(get.out())
                .startsWith("Graph " + GRAPH + ": Running (project demo)\n")
                .contains("noise-reduction");

        Cli list = smo("list", "--project", "demo");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("NAME").containsPattern(GRAPH + " +Running +demo +3 +");
        assertThat(smo("list", "--project", "other").out()).isEqualTo("No graphs in project other.\n");

        Cli stop = smo("stop", GRAPH);
        assertThat(stop.exitCode()).isZero();
        assertThat(stop.out()).startsWith("Graph " + GRAPH + ": Stopped").contains("Not deployed");

        Cli start = smo("start", GRAPH);
        assertThat(start.exitCode()).isZero();
        assertThat(start.out()).startsWith("Graph " + GRAPH + ": Running").contains("Deployed");

        Cli events = smo("events", GRAPH);
        assertThat(events.exitCode()).isZero();
        assertThat(events.out()).startsWith("AT").contains("TYPE", "MESSAGE");
        assertThat(events.out().lines().count()).isGreaterThan(4);

        Cli remove = smo("remove", GRAPH);
        assertThat(remove.exitCode()).isZero();
        assertThat(remove.out()).isEqualTo("Removal of graph " + GRAPH + " successful\n");
        assertThat(smo("list", "--project", "demo").out()).isEqualTo("No graphs in project demo.\n");
    }

    @Test
    void jsonPrintsTheServersAnswerAsItIs() throws Exception {
        smo("deploy", BRUSSELS, "--project", "demo");

        Cli get = smo("get", "--json", GRAPH);
        Cli clusters = smo("clusters", "--json");

        JsonNode graph = new ObjectMapper().readTree(get.out());
        assertThat(get.exitCode()).isZero();
        assertThat(graph.get("name").asText()).isEqualTo(GRAPH);
        assertThat(graph.get("services")).hasSize(3);
        assertThat(graph.get("placement").size()).isEqualTo(3);
        assertThat(new ObjectMapper().readTree(clusters.out()).findValuesAsText("name"))
                .containsExactly("athens-edge", "brussels-core", "brussels-edge");
    }

    @Test
    void clustersArePrintedAsATable() {
        Cli cli = smo("clusters");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .startsWith("NAME           READY  CPU   MEMORY  GPUS  LABELS\n")
                .contains("brussels-core  yes    16.0  64Gi    1     city=brussels,zone=core\n");
    }

    @Test
    void deployFromAnArtifactSendsTheReference() {
        Cli cli = smo("deploy", "--artifact", "oci://127.0.0.1:1/nowhere/graph:1.0.0", "--project", "demo");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("/artifact (0:0): ");
    }

    @Test
    void problemAnswerExitsOneWithItsDetailAndErrorsOnStderr() {
        Cli cli = smo("get", "no-such-graph");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("Graph (no-such-graph)").contains("\n/name (0:0): Graph (no-such-graph)");
    }

    @Test
    void invalidDescriptorIsReportedWithPathsAndPositions() {
        Cli cli = smo("deploy", Cli.example("invalid/several-problems.yaml"), "--project", "demo");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err())
                .startsWith("5 problem(s) in the request; see errors.\n")
                .contains("/hdaGraph/id (2:7): Graph id (Image Graph) is not a DNS-1123 label");
    }

    @Test
    void unreachableServerExitsThreeAndSaysHowToStartOne() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli cli = smo("list", "--project", "demo", "--server", "http://127.0.0.1:" + closed);

        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err())
                .isEqualTo("Cannot reach the SMO server at http://127.0.0.1:" + closed
                        + " (connection refused).\nMaybe start one with `smo serve`, or point --server or SMO_URL at a "
                        + "running server.\n");
    }

    @Test
    void tokenIsSentFromTheOptionOrTheEnvironment() {
        app.stop();
        app = server(new HttpSettings(Optional.of(TOKEN), 1 << 20));
        String server = "http://127.0.0.1:" + app.port();

        Cli anonymous = Cli.runWith(Map.of(), "deploy", BRUSSELS, "--project", "demo", "--server", server);
        Cli wrong = Cli.runWith(Map.of("SMO_API_TOKEN", "wrong-token-wrong-token"), "stop", GRAPH, "--server", server);
        Cli option =
                Cli.runWith(Map.of(), "deploy", BRUSSELS, "--project", "demo", "--server", server, "--token", TOKEN);
        Cli fromEnv = Cli.runWith(Map.of("SMO_URL", server, "SMO_API_TOKEN", TOKEN), "stop", GRAPH);

        assertThat(anonymous.exitCode()).isEqualTo(1);
        assertThat(anonymous.err())
                .startsWith("This route changes state and needs Authorization: Bearer "
                        + "<SMO_API_TOKEN>.\n/headers/Authorization (0:0): ");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("The bearer token is not the configured SMO_API_TOKEN.");
        assertThat(option.exitCode()).as(option.err()).isZero();
        assertThat(fromEnv.exitCode()).as(fromEnv.err()).isZero();
        assertThat(fromEnv.out()).startsWith("Graph " + GRAPH + ": Stopped");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(smo("deploy", BRUSSELS).exitCode()).isEqualTo(2);
        assertThat(smo("deploy", "--project", "demo").exitCode()).isEqualTo(2);
        assertThat(smo("deploy", BRUSSELS, "--artifact", "oci://r/p/g:1", "--project", "demo")
                        .exitCode())
                .isEqualTo(2);
        assertThat(smo("get").exitCode()).isEqualTo(2);
        Cli badUrl = smo("get", GRAPH, "--server", "ftp://example.org");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("The server URL (ftp://example.org) is not an http(s) URL.");
    }

    @Test
    void missingDescriptorFileExitsOne() {
        Cli cli = smo("deploy", "no-such-file.yaml", "--project", "demo");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("Descriptor file (no-such-file.yaml) does not exist.\n");
    }
}
