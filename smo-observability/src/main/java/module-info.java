/**
 * Observability adapters: Prometheus metrics for the scaling loop, alerting rules as Prometheus rule files or
 * Prometheus Operator {@code PrometheusRule} objects, and Grafana dashboards.
 */
module dev.smo.observability {
    requires transitive dev.smo.core;
    requires transitive java.net.http; // the factories take an HttpClient
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml; // rule files

    // PrometheusRule objects (client-java has Automatic-Module-Names only).
    requires io.kubernetes.client.java;
    requires transitive io.kubernetes.client.java.api; // PrometheusRuleObjects.create(config, ApiClient)

    exports dev.smo.observability;
}
