package dev.smo.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ServiceDiscovery;
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

        assertThat(c.listen().port()).isEqualTo(8000);
        assertThat(c.listen().bindHost()).isEqualTo("127.0.0.1");
        assertThat(c.listen().loopbackOnly()).isTrue();
        assertThat(c.database()).isEmpty();
        assertThat(c.http().apiToken()).isEmpty();
        assertThat(c.http().maxBodyBytes()).isEqualTo(1 << 20);
        assertThat(c.deployment().karmada()).isEmpty();
        assertThat(c.observability().scalingInterval()).isEmpty();
        assertThat(c.observability().grafana()).isEmpty();
        assertThat(c.artifacts().plainHttp()).isFalse();
        assertThat(c.artifacts().policy().allowedHosts()).containsExactly("*");
        assertThat(c.artifacts().policy().unrestricted()).isFalse();
        assertThat(c.http().allowedHosts()).containsExactlyInAnyOrder("localhost", "127.0.0.1", "[::1]", "::1");
        assertThat(c.http().getAliases()).isFalse();
        assertThat(c.http().anonymousReads()).isFalse();
        assertThat(c.http().readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.embeddedFastUnsafe()).isFalse();
    }

    @Test
    void securitySettingsAreRead() {
        ServerConfig c = EnvironmentConfig.read(Map.ofEntries(
                Map.entry("SMO_BIND", "10.1.2.3"),
                Map.entry("SMO_API_TOKEN", "write-token-0123456789"),
                Map.entry("SMO_READ_TOKEN", "read-token-0123456789"),
                Map.entry("SMO_ANONYMOUS_READS", "true"),
                Map.entry("SMO_ALLOWED_ORIGINS", "https://UI.example, "),
                Map.entry("SMO_GET_ALIASES", "on"),
                Map.entry("SMO_READ_TIMEOUT_MS", "2500"),
                Map.entry("SMO_MAX_ALERTS", "10"),
                Map.entry("SMO_ANONYMOUS_PLANS", "3"),
                Map.entry("SMO_REGISTRY_HOST", "registry.example:5000"),
                Map.entry("SMO_EMBEDDED_FAST_UNSAFE", "true")));

        assertThat(c.http().readToken()).contains("read-token-0123456789");
        assertThat(c.http().anonymousReads()).isTrue();
        assertThat(c.http().allowedHosts()).contains("10.1.2.3", "localhost");
        assertThat(c.http().allowedOrigins()).containsExactly("https://ui.example");
        assertThat(c.http().getAliases()).isTrue();
        assertThat(c.http().readTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.http().maxAlerts()).isEqualTo(10);
        assertThat(c.http().anonymousPlans()).isEqualTo(3);
        assertThat(c.artifacts().policy().allowedHosts()).containsExactly("registry.example:5000");
        assertThat(c.embeddedFastUnsafe()).isTrue();
        assertThat(c.toString()).doesNotContain("token-0123456789");
        assertThat(EnvironmentConfig.read(Map.of(
                                "SMO_REGISTRY_ALLOW", "a.example,b.example:5000", "SMO_ALLOWED_HOSTS", "smo.example"))
                        .artifacts()
                        .policy()
                        .allowedHosts())
                .containsExactlyInAnyOrder("a.example", "b.example:5000");
    }

    @Test
    void aReadTokenEqualToTheWriteTokenIsRefused() {
        assertThatThrownBy(() -> EnvironmentConfig.read(
                        Map.of("SMO_API_TOKEN", "same-token-0123456789", "SMO_READ_TOKEN", "same-token-0123456789")))
                .hasMessageContaining("SMO_READ_TOKEN equals SMO_API_TOKEN");
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

        assertThat(c.observability().scalingInterval()).contains(Duration.ofSeconds(15));
        assertThat(c.artifacts().plainHttp()).isTrue();
        assertThat(c.observability().prometheus())
                .hasValueSatisfying(p -> assertThat(p.baseUrl()).isEqualTo(URI.create("http://10.0.3.53:30090")));
    }

    @Test
    void theScalingPolicyIsRead() {
        ServerConfig c = EnvironmentConfig.read(
                Map.of("SCALING_STABILISATION_WINDOW", "90", "SCALING_MAX_CHANGE", "2", "SCALING_TOLERANCE", "0.25"));

        assertThat(c.observability().scalingPolicy())
                .isEqualTo(new dev.smo.core.ScalingPolicy(Duration.ofSeconds(90), 2, 0.25));
        assertThat(EnvironmentConfig.read(Map.of("SMO_HOME", "/tmp/smo-home"))
                        .observability()
                        .scalingPolicy())
                .isEqualTo(dev.smo.core.ScalingPolicy.DEFAULTS);
        assertThat(EnvironmentConfig.read(Map.of("SCALING_TOLERANCE", "0"))
                        .observability()
                        .scalingPolicy()
                        .tolerance())
                .isZero();
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("port not a number", Map.of("SMO_PORT", "eighty"), "SMO_PORT (eighty)"),
                Arguments.of("port out of range", Map.of("SMO_PORT", "70000"), "SMO_PORT (70000)"),
                Arguments.of("boolean", Map.of("SCALING_ENABLED", "maybe"), "SCALING_ENABLED (maybe)"),
                Arguments.of("interval", Map.of("SCALING_INTERVAL", "0"), "SCALING_INTERVAL (0)"),
                Arguments.of(
                        "stabilisation window negative",
                        Map.of("SCALING_STABILISATION_WINDOW", "-1"),
                        "SCALING_STABILISATION_WINDOW (-1) is outside"),
                Arguments.of(
                        "stabilisation window not a number",
                        Map.of("SCALING_STABILISATION_WINDOW", "5m"),
                        "SCALING_STABILISATION_WINDOW (5m) is not a whole number"),
                Arguments.of("max change zero", Map.of("SCALING_MAX_CHANGE", "0"), "SCALING_MAX_CHANGE (0) is outside"),
                Arguments.of(
                        "max change not a number",
                        Map.of("SCALING_MAX_CHANGE", "many"),
                        "SCALING_MAX_CHANGE (many) is not a whole number"),
                Arguments.of("tolerance one", Map.of("SCALING_TOLERANCE", "1"), "SCALING_TOLERANCE (1) is outside"),
                Arguments.of(
                        "tolerance negative",
                        Map.of("SCALING_TOLERANCE", "-0.1"),
                        "SCALING_TOLERANCE (-0.1) is outside"),
                Arguments.of(
                        "tolerance a percentage",
                        Map.of("SCALING_TOLERANCE", "10%"),
                        "SCALING_TOLERANCE (10%) is not a number"),
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
                        "discovery mode", Map.of("SMO_SERVICE_DISCOVERY", "consul"), "SMO_SERVICE_DISCOVERY (consul)"),
                Arguments.of("helm timeout", Map.of("SMO_HELM_TIMEOUT_S", "0"), "SMO_HELM_TIMEOUT_S (0)"),
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
                        "grafana without credentials",
                        Map.of("GRAFANA_HOST", "http://grafana:3000"),
                        "GRAFANA_HOST is set without credentials"),
                Arguments.of(
                        "grafana with a user but no password",
                        Map.of("GRAFANA_HOST", "http://grafana:3000", "GRAFANA_USERNAME", "admin"),
                        "GRAFANA_HOST is set without credentials"),
                Arguments.of(
                        "grafana with a token and a user",
                        Map.of(
                                "GRAFANA_HOST",
                                "http://grafana:3000",
                                "GRAFANA_TOKEN",
                                "glsa_x",
                                "GRAFANA_USERNAME",
                                "admin"),
                        "choose one"),
                Arguments.of(
                        "registry password without user",
                        Map.of("SMO_REGISTRY_PASSWORD", "secret"),
                        "SMO_REGISTRY_USERNAME is not"),
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

        assertThat(c.observability().ruleObjects()).hasValueSatisfying(o -> {
            assertThat(o.namespace()).isEqualTo("monitoring");
            assertThat(o.labels())
                    .containsExactly(Map.entry("release", "kube-prometheus-stack"), Map.entry("team", "smo"));
        });
    }

    @Test
    void registryAccessIsReadOnceForArtifactsAndHelm() {
        ServerConfig c = EnvironmentConfig.read(Map.of(
                "KARMADA_KUBECONFIG", "pom.xml",
                "INSECURE_REGISTRY", "true",
                "SMO_REGISTRY_HOST", "Registry.Example:5000",
                "SMO_REGISTRY_USERNAME", "smo",
                "SMO_REGISTRY_PASSWORD", "s3cret"));

        assertThat(c.artifacts().credentialsFor("registry.example:5000"))
                .hasValueSatisfying(r -> assertThat(r.username()).isEqualTo("smo"));
        assertThat(c.deployment().karmada()).hasValueSatisfying(k -> {
            assertThat(k.registry().plainHttp()).isTrue();
            assertThat(k.registry().credentialsFor("registry.example", 5000).username())
                    .isEqualTo("smo");
        });
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void karmadaWaitsForAppliedReleasesAndDiscoveryModeIsRead() {
        ServerConfig defaults = EnvironmentConfig.read(Map.of("KARMADA_KUBECONFIG", "pom.xml"));
        assertThat(defaults.deployment().discovery()).isEqualTo(ServiceDiscovery.KARMADA_MCS);
        assertThat(defaults.deployment().karmada()).hasValueSatisfying(k -> {
            assertThat(k.helm().waitApplied()).isTrue();
            assertThat(k.helm().timeout()).isEqualTo(Duration.ofMinutes(5));
        });

        ServerConfig set = EnvironmentConfig.read(Map.of(
                "KARMADA_KUBECONFIG", "pom.xml",
                "SMO_KARMADA_WAIT_APPLIED", "false",
                "SMO_HELM_TIMEOUT_S", "42",
                "SMO_SERVICE_DISCOVERY", "Lighthouse"));
        assertThat(set.deployment().discovery()).isEqualTo(ServiceDiscovery.LIGHTHOUSE);
        assertThat(set.deployment().karmada()).hasValueSatisfying(k -> {
            assertThat(k.helm().waitApplied()).isFalse();
            assertThat(k.helm().timeout()).isEqualTo(Duration.ofSeconds(42));
        });
    }

    @Test
    void grafanaTakesATokenOrAUserAndPassword() {
        ServerConfig token =
                EnvironmentConfig.read(Map.of("GRAFANA_HOST", "http://grafana:3000", "GRAFANA_TOKEN", "glsa_t0ken"));
        ServerConfig basic = EnvironmentConfig.read(
                Map.of("GRAFANA_HOST", "http://grafana:3000", "GRAFANA_USERNAME", "ops", "GRAFANA_PASSWORD", "pw"));

        assertThat(token.observability().grafana()).hasValueSatisfying(g -> {
            assertThat(g.apiToken()).isEqualTo("glsa_t0ken");
            assertThat(g.user()).isNull();
        });
        assertThat(basic.observability().grafana()).hasValueSatisfying(g -> {
            assertThat(g.user()).isEqualTo("ops");
            assertThat(g.apiToken()).isNull();
        });
        assertThat(token.toString()).doesNotContain("glsa_t0ken");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> EnvironmentConfig.read(
                        Map.of("SMO_PORT", "x", "SCALING_INTERVAL", "y", "GRAFANA_HOST", "grafana")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
    }
}
