package dev.smo.observability.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.smo.core.AlertRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prometheus' rule group format, shared by rule files and PrometheusRule objects' {@code spec.groups}. */
final class RuleGroups {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private RuleGroups() {}

    /**
     * @param name the group name
     * @param rules its rules
     * @return {@code {name, rules: [{alert, expr, for?, labels?, annotations?}]}}
     */
    static Map<String, Object> group(String name, List<AlertRule> rules) {
        List<Object> out = new ArrayList<>();
        for (AlertRule rule : rules) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("alert", rule.alert());
            r.put("expr", rule.expr());
            if (rule.forDuration() != null && !rule.forDuration().isBlank()) {
                r.put("for", rule.forDuration());
            }
            if (!rule.labels().isEmpty()) {
                r.put("labels", new LinkedHashMap<>(rule.labels()));
            }
            if (!rule.annotations().isEmpty()) {
                r.put("annotations", new LinkedHashMap<>(rule.annotations()));
            }
            out.add(r);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", name);
        group.put("rules", out);
        return group;
    }

    /**
     * @param name the group name
     * @param rules its rules
     * @return a Prometheus rule file holding this one group
     */
    static String file(String name, List<AlertRule> rules) {
        try {
            return "# Written by SMO: replaced whenever the graph's alerting rules change; do not edit.\n"
                    + YAML.writeValueAsString(Map.of("groups", List.of(group(name, rules))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rule group (" + name + ") cannot be written as YAML.", e);
        }
    }
}
