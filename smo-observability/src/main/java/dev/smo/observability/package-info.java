/**
 * SMO's observability adapters: {@link dev.smo.observability.PrometheusMetrics} (the
 * {@link dev.smo.core.spi.MetricsSource} of the scaling loop), two {@link dev.smo.core.spi.AlertRuleStore}s,
 * {@link dev.smo.observability.PrometheusRuleFiles} for a plain Prometheus and
 * {@link dev.smo.observability.PrometheusRuleObjects} for the Prometheus Operator, and
 * {@link dev.smo.observability.GrafanaDashboards} (the {@link dev.smo.core.spi.DashboardPublisher}).
 *
 * <p>Configuration is passed in as records ({@link dev.smo.observability.PrometheusConfig},
 * {@link dev.smo.observability.PrometheusRuleFilesConfig}, {@link dev.smo.observability.PrometheusOperatorConfig},
 * {@link dev.smo.observability.GrafanaConfig}); nothing here reads the environment. Failures surface as
 * {@link dev.smo.core.SmoIntegrationException}s carrying Prometheus', the API server's or Grafana's own message.
 */
package dev.smo.observability;
