package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.server.config.EnvironmentConfig;
import dev.smo.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServeCommandTest {

    private static final String CLUSTERS = Cli.example("clusters.yaml");

    @Test
    void optionsOverrideTheirEnvironmentVariables() {
        Map<String, String> env =
                Map.of("SMO_PORT", "9000", "SMO_BIND", "0.0.0.0", "SMO_CLUSTERS_FILE", "a.yaml", "DB_USER", "kept");

        Map<String, String> merged = ServeCommand.environment(env, 0, "127.0.0.1", Path.of(CLUSTERS));
        ServerConfig config = EnvironmentConfig.read(merged);

        assertThat(merged)
                .containsEntry("SMO_PORT", "0")
                .containsEntry("SMO_BIND", "127.0.0.1")
                .containsEntry("SMO_CLUSTERS_FILE", CLUSTERS)
                .containsEntry("DB_USER", "kept");
        assertThat(config.listen().port()).isZero();
        assertThat(config.listen().bindHost()).isEqualTo("127.0.0.1");
        assertThat(config.deployment().clustersFile()).contains(Path.of(CLUSTERS));
    }

    @Test
    void absentOptionsLeaveTheEnvironmentAlone() {
        Map<String, String> env = Map.of("SMO_PORT", "9000");

        assertThat(ServeCommand.environment(env, null, null, null)).isEqualTo(env);
        assertThat(EnvironmentConfig.read(Map.of()).listen().port()).isEqualTo(8000);
    }

    @ParameterizedTest(name = "bind {0}, token {1} → refused {2}")
    @CsvSource({
        "127.0.0.1, '', false",
        "localhost, '', false",
        "::1, '', false",
        "0.0.0.0, '', true",
        "192.168.1.10, '', true",
        "0.0.0.0, 0123456789abcdef, false"
    })
    void onlyLoopbackMayRunWithoutAToken(String bind, String token, boolean refused) {
        ServerConfig config = EnvironmentConfig.read(Map.of("SMO_BIND", bind, "SMO_API_TOKEN", token));

        assertThat(ServeCommand.refusal(config).isPresent()).isEqualTo(refused);
        ServeCommand.refusal(config)
                .ifPresent(message -> assertThat(message)
                        .startsWith("SMO refuses to listen on " + bind + " without SMO_API_TOKEN")
                        .contains("\nMaybe set"));
    }

    @Test
    void nonLoopbackWithoutTokenExitsTwoBeforeOpeningAnything() {
        Cli cli = Cli.runWith(
                Map.of("SMO_DATABASE_URL", "jdbc:postgresql://192.0.2.1:1/never"),
                "serve",
                "--bind",
                "0.0.0.0",
                "--port",
                "0");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("SMO refuses to listen on 0.0.0.0 without SMO_API_TOKEN");
    }

    @Test
    void unusableConfigurationExitsTwoWithEveryProblem() {
        Cli cli = Cli.runWith(
                Map.of("SMO_API_TOKEN", "short", "SCALING_ENABLED", "true"),
                "serve",
                "--port",
                "70000",
                "--clusters",
                "no-such-clusters.yaml");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .startsWith("SMO cannot start with this configuration:\n  SMO_PORT (70000) is outside")
                .contains("\n  SMO_API_TOKEN is 5 characters long", "\n  SMO_CLUSTERS_FILE", "PROMETHEUS_HOST");
    }
}
