package dev.smo.core.internal;

import dev.smo.core.AlertRule;
import dev.smo.model.EventCondition;
import dev.smo.model.EventSpec;
import dev.smo.model.HdaGraph;
import dev.smo.model.Service;
import dev.smo.model.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Prometheus alerting rules of event-triggered services.
 *
 * <p>With condition {@code ANY} or {@code OR}, each event is one rule and any firing deploys the service. With
 * {@code ALL} or {@code AND}, the events become one rule whose expression joins theirs with {@code and on()}, held
 * for the longest grace period, so it fires only while every condition holds. Every rule carries the labels
 * {@code graph}, {@code service} and {@code severity=critical} that route its alert back to the service.
 */
final class AlertRules {

    private AlertRules() {}

    /** @return the PrometheusRule group name of a graph */
    static String group(String graph) {
        return "smo-" + graph;
    }

    /**
     * @param graph the descriptor
     * @param service one of its services
     * @return the service's rules; empty when it is not event-triggered
     */
    static List<AlertRule> of(HdaGraph graph, Service service) {
        if (!(service.deployment().trigger() instanceof Trigger.Event event)
                || event.events().isEmpty()) {
            return List.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("severity", "critical");
        labels.put("graph", graph.id());
        labels.put("service", service.id());
        boolean all = event.condition() == EventCondition.ALL || event.condition() == EventCondition.AND;
        if (all && event.events().size() > 1) {
            String expr = event.events().stream()
                    .map(e -> "(" + e.condition().promQuery() + ")")
                    .collect(Collectors.joining(" and on() "));
            Duration longest = event.events().stream()
                    .map(e -> e.condition().gracePeriod() == null
                            ? Duration.ZERO
                            : e.condition().gracePeriod())
                    .max(Duration::compareTo)
                    .orElse(Duration.ZERO);
            String description =
                    event.events().stream().map(AlertRules::description).collect(Collectors.joining("; "));
            String name = event.events().stream().map(EventSpec::id).collect(Collectors.joining("-and-"));
            return List.of(new AlertRule(name, expr, promDuration(longest), labels, annotations(description)));
        }
        List<AlertRule> rules = new ArrayList<>();
        for (EventSpec e : event.events()) {
            rules.add(new AlertRule(
                    e.id(),
                    e.condition().promQuery(),
                    e.condition().gracePeriodText(),
                    labels,
                    annotations(description(e))));
        }
        return rules;
    }

    private static String description(EventSpec e) {
        String d = e.condition().description();
        return d == null || d.isBlank() ? "Deploy on " + e.id() : d;
    }

    private static Map<String, String> annotations(String description) {
        return Map.of("description", description, "summary", description);
    }

    static String promDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
