package dev.smo.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smo.core.AlertRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real Prometheus on 127.0.0.1:9090, which reads the rule files in .smo-services/rules. */
class PrometheusRuleFilesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PrometheusRuleFiles store =
            PrometheusRuleFiles.create(PrometheusRuleFilesConfig.of(RealPrometheus.RULES_DIR, RealPrometheus.URL));
    private final String group = RealPrometheus.unique("smo-it");
    private final String alert = group + "-always";

    @BeforeAll
    static void prometheusReadsTheRulesDirectory() throws Exception {
        RealPrometheus.requireRulesDir();
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            store.replace(RealPrometheus.NAMESPACE, group, List.of());
        } finally {
            java.nio.file.Files.deleteIfExists(store.file(RealPrometheus.NAMESPACE, group));
        }
    }

    @Test
    void aWrittenGroupLoadsFiresAndDisappearsWhenEmptied() throws Exception {
        store.replace(
                RealPrometheus.NAMESPACE,
                group,
                List.of(new AlertRule(
                        alert,
                        "vector(1) > 0",
                        "0s",
                        Map.of("severity", "critical", "graph", group, "service", "svc"),
                        Map.of("description", "Always firing", "summary", "Always firing"))));

        JsonNode loaded = RealPrometheus.await(
                WAIT,
                "group (" + group + ") in /api/v1/rules",
                () -> RealPrometheus.group(group),
                g -> !g.isMissingNode());
        assertThat(loaded.path("file").asText()).endsWith(RealPrometheus.NAMESPACE + "--" + group + ".yml");
        assertThat(loaded.path("rules")).singleElement().satisfies(r -> {
            assertThat(r.path("name").asText()).isEqualTo(alert);
            assertThat(r.path("query").asText()).isEqualTo("vector(1) > 0");
            assertThat(r.path("labels").path("service").asText()).isEqualTo("svc");
        });
        JsonNode firing = RealPrometheus.await(
                WAIT,
                "alert (" + alert + ") firing in /api/v1/alerts",
                () -> RealPrometheus.alert(alert),
                a -> "firing".equals(a.path("state").asText()));
        assertThat(firing.path("labels").path("graph").asText()).isEqualTo(group);
        assertThat(firing.path("annotations").path("summary").asText()).isEqualTo("Always firing");

        store.replace(RealPrometheus.NAMESPACE, group, List.of());

        assertThat(store.file(RealPrometheus.NAMESPACE, group)).doesNotExist();
        RealPrometheus.await(
                WAIT,
                "group (" + group + ") gone from /api/v1/rules",
                () -> RealPrometheus.group(group),
                JsonNode::isMissingNode);
    }

    @Test
    void replacingAGroupSwapsItsRules() throws Exception {
        store.replace(
                RealPrometheus.NAMESPACE,
                group,
                List.of(new AlertRule(alert, "vector(1) > 0", "0s", Map.of(), Map.of())));
        RealPrometheus.await(WAIT, "group (" + group + ")", () -> RealPrometheus.group(group), g -> !g.isMissingNode());

        store.replace(
                RealPrometheus.NAMESPACE,
                group,
                List.of(
                        new AlertRule(group + "-first", "vector(0) > 1", "1m", Map.of(), Map.of()),
                        new AlertRule(group + "-second", "vector(2) > 1", "30s", Map.of(), Map.of())));

        JsonNode swapped = RealPrometheus.await(
                WAIT,
                "two rules in group (" + group + ")",
                () -> RealPrometheus.group(group),
                g -> g.path("rules").size() == 2);
        assertThat(swapped.findValuesAsText("name"))
                .contains(group + "-first", group + "-second")
                .doesNotContain(alert);
        assertThat(swapped.path("rules").path(0).path("duration").asDouble()).isEqualTo(60.0);
    }
}
