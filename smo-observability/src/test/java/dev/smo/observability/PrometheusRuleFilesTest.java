package dev.smo.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.smo.core.AlertRule;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule files in a temporary directory, without a Prometheus to reload. */
class PrometheusRuleFilesTest {

    @TempDir
    Path dir;

    private PrometheusRuleFiles store() {
        return PrometheusRuleFiles.create(PrometheusRuleFilesConfig.of(dir.resolve("rules"), null));
    }

    @Test
    void aGroupBecomesAStandardRuleFile() throws Exception {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("severity", "critical");
        labels.put("graph", "shop");
        labels.put("service", "true");
        store().replace(
                        "shop-project",
                        "smo-shop",
                        List.of(
                                new AlertRule(
                                        "high-cpu",
                                        "sum(rate(cpu{job=\"a: b\"}[1m]))\n  > 0.8",
                                        "2m",
                                        labels,
                                        Map.of("description", "CPU: \"high\" # not a comment")),
                                new AlertRule("no-for", "vector(1)", null, Map.of(), Map.of())));

        Path file = dir.resolve("rules/shop-project--smo-shop.yml");
        Object parsed = new YAMLMapper().readValue(file.toFile(), Object.class);
        assertThat(parsed)
                .isEqualTo(Map.of(
                        "groups",
                        List.of(Map.of(
                                "name",
                                "smo-shop",
                                "rules",
                                List.of(
                                        Map.of(
                                                "alert",
                                                "high-cpu",
                                                "expr",
                                                "sum(rate(cpu{job=\"a: b\"}[1m]))\n  > 0.8",
                                                "for",
                                                "2m",
                                                "labels",
                                                Map.of("severity", "critical", "graph", "shop", "service", "true"),
                                                "annotations",
                                                Map.of("description", "CPU: \"high\" # not a comment")),
                                        Map.of("alert", "no-for", "expr", "vector(1)"))))));
        assertThat(Files.readString(file)).startsWith("# Written by SMO");
    }

    @Test
    void filesAreWorldReadableAndNoTemporaryFileIsLeft() throws Exception {
        PrometheusRuleFiles store = store();
        store.replace("shop-project", "smo-shop", List.of(rule("a")));
        store.replace("shop-project", "smo-shop", List.of(rule("b")));

        try (var files = Files.list(dir.resolve("rules"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("shop-project--smo-shop.yml");
        }
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("rules/shop-project--smo-shop.yml"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(dir.resolve("rules/shop-project--smo-shop.yml")))
                .contains("alert: \"b\"");
    }

    @Test
    void anEmptyListDeletesTheFileAndLeavesOthers() {
        PrometheusRuleFiles store = store();
        store.replace("shop-project", "smo-shop", List.of(rule("a")));
        store.replace("cart-project", "smo-cart", List.of(rule("a")));

        store.replace("shop-project", "smo-shop", List.of());
        store.replace("shop-project", "smo-never-written", List.of());

        assertThat(dir.resolve("rules/shop-project--smo-shop.yml")).doesNotExist();
        assertThat(dir.resolve("rules/cart-project--smo-cart.yml")).exists();
    }

    @ParameterizedTest(name = "namespace \"{0}\", group \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "../etc      | smo-shop",
                "a/b         | smo-shop",
                "Shop        | smo-shop",
                "a--b        | smo-shop",
                "''          | smo-shop",
                "-shop       | smo-shop",
                "shop        | ../../etc/passwd",
                "shop        | x/y",
                "shop        | ..",
                "shop        | .hidden",
                "shop        | a..b",
                "shop        | ''",
                "shop        | smo shop"
            })
    void namesThatCouldEscapeTheDirectoryAreRefused(String namespace, String group) {
        PrometheusRuleFiles store = store();

        assertThatThrownBy(() -> store.replace(namespace, group, List.of(rule("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("(" + namespace + ")", "(" + group + ")"))
                .hasMessageContaining("Maybe");
        assertThat(dir.resolve("rules")).doesNotExist();
    }

    @Test
    void aGeneratedFilePassesPromtool() throws Exception {
        Path promtool = onPath("promtool");
        assumeTrue(promtool != null, "promtool is not on the PATH (Debian: apt-get install prometheus)");
        store().replace(
                        "shop-project",
                        "smo-shop",
                        List.of(
                                new AlertRule(
                                        "high-cpu",
                                        "sum(rate(process_cpu_seconds_total{job=\"prometheus\"}[1m])) > 0.8",
                                        "2m",
                                        Map.of("severity", "critical", "graph", "shop", "service", "api"),
                                        Map.of("description", "CPU: \"high\"", "summary", "CPU high")),
                                new AlertRule(
                                        "queue-long-and-cpu",
                                        "(vector(1) > 0) and on() (vector(2) > 1)",
                                        "0s",
                                        Map.of("severity", "critical"),
                                        Map.of())));

        Process p = new ProcessBuilder(
                        promtool.toString(),
                        "check",
                        "rules",
                        dir.resolve("rules/shop-project--smo-shop.yml").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 2 rules found");
    }

    static Path onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
            Path candidate = Path.of(d, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static AlertRule rule(String alert) {
        return new AlertRule(alert, "vector(1) > 0", "0s", Map.of("severity", "critical"), Map.of());
    }
}
