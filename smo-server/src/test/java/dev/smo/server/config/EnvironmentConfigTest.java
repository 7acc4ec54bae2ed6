package dev.smo.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvironmentConfigTest {

    @Test
    void defaultsNeedNothing() {
        ServerConfig c = EnvironmentConfig.read(Map.of("SMO_HOME", "/tmp/smo-home"));

        assertThat(c.port()).isEqualTo(8000);
        assertThat(c.bindHost()).isEqualTo("127.0.0.1");
        assertThat(c.loopbackOnly()).isTrue();
        assertThat(c.database()).isEmpty();
        assertThat(c.apiToken()).isEmpty();
        assertThat(c.karmadaKubeconfig()).isEmpty();
        assertThat(c.scalingEnabled()).isFalse();
        assertThat(c.scalingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxBodyBytes()).isEqualTo(1 << 20);
        assertThat(c.grafanaUsername()).isEqualTo("admin");
    }

    @Test
    void theOriginalsDatabaseVariablesBuildAJdbcUrl() {
        ServerConfig c = EnvironmentConfig.read(
                Map.of("DB_HOST", "db", "DB_NAME", "smo", "DB_USER", "root", "DB_PASSWORD", "password"));

        assertThat(c.database()).hasValueSatisfying(d -> {
            assertThat(d.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/smo");
            assertThat(d.user()).isEqualTo("root");
            assertThat(d.password()).isEqualTo("password");
            assertThat(d.toString()).doesNotContain("password=password");
        });
    }

    @Test
    void aPostgresqlUriCarriesItsCredentials() {
        ServerConfig c =
                EnvironmentConfig.read(Map.of("SMO_DATABASE_URL", "postgresql://u:s3cret@h:6543/smo?ssl=true"));

        assertThat(c.database()).hasValueSatisfying(d -> {
            assertThat(d.jdbcUrl()).isEqualTo("jdbc:postgresql://h:6543/smo?ssl=true");
            assertThat(d.user()).isEqualTo("u");
            assertThat(d.password()).isEqualTo("s3cret");
        });
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void theOriginalsBooleansAndIntervalAreParsed() {
        ServerConfig c = EnvironmentConfig.read(Map.of(
                "SCALING_ENABLED",
                "True",
                "SCALING_INTERVAL",
                "15",
                "PROMETHEUS_HOST",
                "http://10.0.3.53:30090",
                "INSECURE_REGISTRY",
                "t"));

        assertThat(c.scalingEnabled()).isTrue();
        assertThat(c.scalingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.insecureRegistry()).isTrue();
        assertThat(c.prometheusUrl()).contains(URI.create("http://10.0.3.53:30090"));
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("port not a number", Map.of("SMO_PORT", "eighty"), "SMO_PORT (eighty)"),
                Arguments.of("port out of range", Map.of("SMO_PORT", "70000"), "SMO_PORT (70000)"),
                Arguments.of("boolean", Map.of("SCALING_ENABLED", "maybe"), "SCALING_ENABLED (maybe)"),
                Arguments.of("interval", Map.of("SCALING_INTERVAL", "0"), "SCALING_INTERVAL (0)"),
                Arguments.of("url", Map.of("PROMETHEUS_HOST", "prometheus:9090"), "PROMETHEUS_HOST (prometheus:9090)"),
                Arguments.of(
                        "scaling without prometheus", Map.of("SCALING_ENABLED", "true"), "PROMETHEUS_HOST is not set"),
                Arguments.of("short token", Map.of("SMO_API_TOKEN", "abc"), "SMO_API_TOKEN is 3 characters"),
                Arguments.of(
                        "missing kubeconfig",
                        Map.of("KARMADA_KUBECONFIG", "/nonexistent/kubeconfig"),
                        "KARMADA_KUBECONFIG (/nonexistent/kubeconfig)"),
                Arguments.of("not postgres", Map.of("SMO_DATABASE_URL", "mysql://h/db"), "not a PostgreSQL URL"),
                Arguments.of(
                        "rule labels",
                        Map.of("SMO_PROMETHEUS_RULES_LABELS", "release"),
                        "SMO_PROMETHEUS_RULES_LABELS (release) is not key=value"),
                Arguments.of(
                        "rules dir not a directory",
                        Map.of("SMO_PROMETHEUS_RULES_DIR", "pom.xml"),
                        "SMO_PROMETHEUS_RULES_DIR (pom.xml) is not a directory"),
                Arguments.of(
                        "two rule stores",
                        Map.of("SMO_PROMETHEUS_RULES_DIR", "src", "SMO_PROMETHEUS_RULES_KUBECONFIG", "pom.xml"),
                        "choose one"),
                Arguments.of(
                        "registry user without host",
                        Map.of("SMO_REGISTRY_USERNAME", "smo"),
                        "SMO_REGISTRY_HOST is not"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badSettingsAreReportedByName(String name, Map<String, String> env, String expected) {
        assertThatThrownBy(() -> EnvironmentConfig.read(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void ruleStoreSettingsAreRead() {
        ServerConfig c = EnvironmentConfig.read(Map.of(
                "SMO_PROMETHEUS_RULES_KUBECONFIG",
                "pom.xml",
                "SMO_PROMETHEUS_RULES_LABELS",
                "release=kube-prometheus-stack, team=smo"));

        assertThat(c.rulesKubeconfig()).isPresent();
        assertThat(c.rulesNamespace()).isEqualTo("monitoring");
        assertThat(c.rulesLabels())
                .containsExactly(Map.entry("release", "kube-prometheus-stack"), Map.entry("team", "smo"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> EnvironmentConfig.read(
                        Map.of("SMO_PORT", "x", "SCALING_INTERVAL", "y", "GRAFANA_HOST", "grafana")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
    }
}
