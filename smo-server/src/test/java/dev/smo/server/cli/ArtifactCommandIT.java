package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smo artifact push|pull} against the OCI registry on 127.0.0.1:5000 ({@code scripts/services.sh start}). */
class ArtifactCommandIT {

    private static final String REGISTRY = "127.0.0.1:5000";

    private final String repository =
            "smo-cli-test/" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void pushesADirectoryAndPullsTheDescriptorBack() {
        String reference = "oci://" + REGISTRY + "/" + repository + ":1.0.0";

        Cli push = Cli.runWith(Map.of(), "artifact", "push", Cli.example("brussels-demo/"), reference, "--plain-http");
        Cli pull = Cli.runWith(Map.of(), "artifact", "pull", reference, "--plain-http");

        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).matches("Pushed " + reference.replace(".", "\\.") + "\nDigest: sha256:[0-9a-f]{64}\n");
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.out()).startsWith("hdaGraph:").contains("id: image-detection-graph");
    }

    @Test
    void pushToAProjectUsesTheGraphIdAndVersionAndHonoursInsecureRegistry() throws Exception {
        String projectName = repository.replace('/', '-');
        String project = "oci://" + REGISTRY + "/" + projectName;

        Cli push = Cli.runWith(
                Map.of("INSECURE_REGISTRY", "true"),
                "artifact",
                "push",
                "--json",
                Cli.example("brussels-demo/hdag.yaml"),
                project);

        assertThat(push.exitCode()).as(push.err()).isZero();
        JsonNode pushed = new ObjectMapper().readTree(push.out());
        assertThat(pushed.get("reference").asText()).isEqualTo(project + "/image-detection-graph:1.0.0");
        assertThat(pushed.get("digest").asText()).startsWith("sha256:");
        Cli pull = Cli.runWith(
                Map.of(),
                "artifact",
                "pull",
                "http://" + REGISTRY + "/" + projectName + "/image-detection-graph@"
                        + pushed.get("digest").asText());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("id: image-detection-graph");
    }

    @Test
    void missingArtifactExitsOne() {
        Cli cli = Cli.runWith(
                Map.of(), "artifact", "pull", "oci://" + REGISTRY + "/" + repository + ":9.9.9", "--plain-http");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isNotBlank();
    }

    @Test
    void sourceWithoutADescriptorExitsOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "no descriptor here\n");

        Cli cli = Cli.runWith(
                Map.of(),
                "artifact",
                "push",
                dir.toString(),
                "oci://" + REGISTRY + "/" + repository + ":1.0.0",
                "--plain-http");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isNotBlank();
    }

    @Test
    void unreachableRegistryExitsThree() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli cli = Cli.runWith(Map.of(), "artifact", "pull", "http://127.0.0.1:" + closed + "/test/graph:1.0.0");

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
    }

    @Test
    void malformedReferenceIsAUsageError() {
        Cli cli = Cli.runWith(Map.of(), "artifact", "push", Cli.example("brussels-demo/"), "ftp://host/x");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("unsupported scheme");
    }
}
