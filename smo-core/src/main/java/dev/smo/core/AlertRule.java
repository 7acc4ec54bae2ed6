package dev.smo.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Prometheus alerting rule, as written into a PrometheusRule group.
 *
 * @param alert the alert name (the event id)
 * @param expr the PromQL expression
 * @param forDuration how long the expression must hold, in Prometheus syntax (e.g. {@code 2m}), or {@code null}
 * @param labels labels attached to the alert; SMO sets {@code service}, {@code graph} and {@code severity}
 * @param annotations annotations such as {@code description} and {@code summary}
 */
public record AlertRule(
        String alert, String expr, String forDuration, Map<String, String> labels, Map<String, String> annotations) {

    public AlertRule {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(expr, "expr");
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        annotations = annotations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }
}
