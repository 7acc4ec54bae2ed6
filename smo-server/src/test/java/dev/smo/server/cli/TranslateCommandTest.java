package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TranslateCommandTest {

    @Test
    void printsATableOfConcreteResources() {
        Cli cli = Cli.run("translate", Cli.example("my-webapp/hdag.yaml"));

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("""
                SERVICE       CPU   MEMORY  STORAGE  GPUS
                web-frontend  500m  1Gi     none     0
                api-backend   4     2Gi     none     0
                user-db       1     2Gi     20G      0
                """);
    }

    @Test
    void printsJson() throws Exception {
        Cli cli = Cli.run("translate", "--json", Cli.example("brussels-demo/hdag.yaml"));

        JsonNode rows = new ObjectMapper().readTree(cli.out());
        assertThat(cli.exitCode()).isZero();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("service").asText()).isEqualTo("image-compression-vo");
        assertThat(rows.get(0).get("cpu").asText()).isEqualTo("500m");
        assertThat(rows.get(0).get("memory").asText()).isEqualTo("500Mi");
        assertThat(rows.get(0).get("memoryBytes").asLong()).isEqualTo(500L * 1024 * 1024);
        assertThat(rows.get(0).get("storageBytes").asLong()).isEqualTo(10_000_000_000L);
        assertThat(rows.get(0).get("gpus").asInt()).isZero();
    }

    @Test
    void invalidDescriptorExitsOneWithProblemsOnStderr() {
        Cli cli = Cli.run("translate", Cli.example("invalid/unknown-resource-level.yaml"));

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("compute cpu (ligth) is neither a resource level");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Cli.run("translate").exitCode()).isEqualTo(2);
        assertThat(Cli.run("translate", "a.yaml", "b.yaml").exitCode()).isEqualTo(2);
    }
}
