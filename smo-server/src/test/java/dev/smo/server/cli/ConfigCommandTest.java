package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkPrintsEachSettingWithItsOriginAndRedactsSecrets() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "t0ken-t0ken-t0ken-t0ken\n");
        Path file = Files.writeString(dir.resolve("smo.yaml"), "SMO_PORT: 9000\nGRAFANA_HOST: http://grafana:3000\n");

        Cli cli = Cli.runWith(
                Map.of(
                        "SMO_API_TOKEN_FILE", token.toString(),
                        "GRAFANA_USERNAME", "ops",
                        "GRAFANA_PASSWORD", "pa55word",
                        "SMO_DATABASE_URL", "postgresql://smo:db-s3cret@db:5432/smo?sslmode=require"),
                "config",
                "check",
                "--config",
                file.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .containsPattern("SMO_PORT +9000 +file " + Pattern.quote(file.toString()))
                .containsPattern("SMO_BIND +127\\.0\\.0\\.1 +default")
                .containsPattern("SMO_API_TOKEN +\\*\\*\\* +" + Pattern.quote(token + " (via SMO_API_TOKEN_FILE)"))
                .containsPattern("GRAFANA_PASSWORD +\\*\\*\\* +environment")
                .containsPattern("SMO_DATABASE_URL +\\*\\*\\* +environment")
                .doesNotContain("t0ken-t0ken", "pa55word", "db-s3cret");
    }

    @Test
    void checkListsEveryProblemAndExitsTwo() {
        Cli cli = Cli.runWith(
                Map.of("SMO_PORT", "eighty", "GRAFANA_HOST", "http://grafana:3000", "GRAFANA_PASSWORD", "pa55word"),
                "config",
                "check");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .contains("SMO_PORT (eighty) is not a whole number.")
                .contains("GRAFANA_HOST is set without credentials")
                .doesNotContain("pa55word");
    }
}
