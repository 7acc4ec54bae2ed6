package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {

    private static final String BRUSSELS = Cli.example("brussels-demo/hdag.yaml");
    private static final String WEBAPP = Cli.example("my-webapp/hdag.yaml");
    private static final String BROKEN = Cli.example("invalid/several-problems.yaml");

    @Test
    void validFilesExitZeroAndSaySo() {
        Cli cli = Cli.run("validate", BRUSSELS, WEBAPP);

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(BRUSSELS + ": valid (3 services)\n" + WEBAPP + ": valid (3 services)\n");
    }

    @Test
    void invalidFileExitsOneWithEveryProblem() {
        Cli cli = Cli.run("validate", BRUSSELS, BROKEN);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out().lines().filter(line -> line.startsWith(BROKEN + ":/")))
                .hasSize(5);
        assertThat(cli.out())
                .contains(BROKEN + ":/hdaGraph/services/0/deployment/intent/connectionPoints/0 (11:30): "
                        + "Service (noise-reduction) connectionPoint (image-detecton) names no service of graph (Image Graph).\n"
                        + "  Maybe you meant (image-detection).\n");
    }

    @Test
    void jsonOutputIsMachineReadable() throws Exception {
        Cli cli = Cli.run("validate", "--json", BRUSSELS, BROKEN);

        JsonNode reports = new ObjectMapper().readTree(cli.out());
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).get("valid").asBoolean()).isTrue();
        assertThat(reports.get(0).get("services").asInt()).isEqualTo(3);
        JsonNode broken = reports.get(1);
        assertThat(broken.get("file").asText()).isEqualTo(BROKEN);
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("violations")).hasSize(5);
        JsonNode first = broken.get("violations").get(0);
        assertThat(first.get("path").asText()).isEqualTo("/hdaGraph/id");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(7);
        assertThat(first.get("message").asText()).startsWith("Graph id (Image Graph) is not a DNS-1123 label");
    }

    @Test
    void missingFileIsInvalidNotACrash() {
        Cli cli = Cli.run("validate", "no-such-file.yaml");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out())
                .startsWith("no-such-file.yaml:/ (0:0): Descriptor file (no-such-file.yaml) cannot be read");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Cli.run("validate").exitCode()).isEqualTo(2);
        assertThat(Cli.run("validate", "--bogus", BRUSSELS).exitCode()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(Cli.run().exitCode()).isEqualTo(2);
        assertThat(Cli.run("validate").err()).contains("Missing required parameter");
    }

    @Test
    void helpListsTheCommands() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("validate", "translate");
    }
}
