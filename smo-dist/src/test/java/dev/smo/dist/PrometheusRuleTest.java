package dev.smo.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart's alerts on SMO itself are valid Prometheus rules: promtool parses every expression. */
class PrometheusRuleTest {

    @TempDir
    Path dir;

    @Test
    void alertsPassPromtool() throws Exception {
        Path promtool = onPath("promtool");
        assumeTrue(promtool != null, "promtool is not on the PATH (Debian: apt-get install prometheus)");
        Chart.Rendered rendered = Chart.render(
                Map.of("prometheusRule", Map.of("enabled", true, "errorRateThreshold", 0.1, "for", "2m")), dir);
        Path rules = dir.resolve("smo-rules.yml");
        new YAMLMapper()
                .writeValue(
                        rules.toFile(),
                        rendered.one("PrometheusRule").at("spec").value());

        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", rules.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 4 rules found");
    }

    private static Path onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
            Path candidate = Path.of(d, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
