package dev.smo.server.config;

import dev.smo.core.ScalingPolicy;
import dev.smo.observability.GrafanaConfig;
import dev.smo.observability.PrometheusConfig;
import dev.smo.observability.PrometheusOperatorConfig;
import dev.smo.observability.PrometheusRuleFilesConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * Prometheus, alerting rules and Grafana: each part present only when configured.
 *
 * @param prometheus the metrics source of the scaling loop ({@code PROMETHEUS_HOST})
 * @param scalingInterval the scaling loop's period when it runs ({@code SCALING_ENABLED}, {@code SCALING_INTERVAL})
 * @param scalingPolicy the loop's damping ({@code SCALING_STABILISATION_WINDOW}, {@code SCALING_MAX_CHANGE},
 *     {@code SCALING_TOLERANCE})
 * @param ruleFiles alerting rules as files in a directory Prometheus reads ({@code SMO_PROMETHEUS_RULES_DIR})
 * @param ruleObjects alerting rules as PrometheusRule objects ({@code SMO_PROMETHEUS_RULES_KUBECONFIG},
 *     {@code _NAMESPACE}, {@code _LABELS}); never together with {@code ruleFiles}
 * @param grafana dashboards ({@code GRAFANA_HOST} with a token or a user and password)
 */
public record ObservabilitySettings(
        Optional<PrometheusConfig> prometheus,
        Optional<Duration> scalingInterval,
        ScalingPolicy scalingPolicy,
        Optional<PrometheusRuleFilesConfig> ruleFiles,
        Optional<PrometheusOperatorConfig> ruleObjects,
        Optional<GrafanaConfig> grafana) {

    @Override
    public String toString() {
        return "[prometheus=" + prometheus.map(p -> p.baseUrl().toString()).orElse("none") + ", scaling="
                + scalingInterval.map(Duration::toString).orElse("off") + ", stabilisation="
                + scalingPolicy.scaleDownStabilisation() + ", maxChange=" + scalingPolicy.maxChange() + ", tolerance="
                + scalingPolicy.tolerance() + ", grafana="
                + grafana.map(g -> g.url().toString()).orElse("none") + "]";
    }
}
