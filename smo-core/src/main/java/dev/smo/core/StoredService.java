package dev.smo.core;

import dev.smo.intent.ResourceRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of a stored graph.
 *
 * @param name service id, unique within its graph
 * @param status lifecycle state
 * @param cluster the cluster it is placed on, or {@code null} before placement
 * @param replicas desired replicas, at least 1
 * @param resources what one replica requests, after intent translation
 * @param chart the chart it is installed from
 * @param values the Helm values applied (or to apply) for the release; JSON types only (maps, lists, strings,
 *        numbers, booleans, null), since stores keep them as JSON
 * @param alertRules the alerting rules of its event trigger, empty when it has none
 * @param lastError the last failure's message, or {@code null}
 * @param dashboardUrl the service dashboard's URL, or {@code null}
 */
public record StoredService(
        String name,
        ServiceStatus status,
        String cluster,
        int replicas,
        ResourceRequest resources,
        ChartRef chart,
        Map<String, Object> values,
        List<AlertRule> alertRules,
        String lastError,
        String dashboardUrl) {

    public StoredService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(chart, "chart");
        if (replicas < 0) {
            throw new IllegalArgumentException(
                    "Service (" + name + ") has a negative replica count: " + replicas + ".");
        }
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        alertRules = alertRules == null ? List.of() : List.copyOf(alertRules);
    }

    /**
     * A service before placement: no cluster, no values, no rules, no error, no dashboard.
     *
     * @param name service id
     * @param status lifecycle state
     * @param replicas desired replicas
     * @param resources what one replica requests
     * @param chart the chart it is installed from
     * @return the service
     */
    public static StoredService of(
            String name, ServiceStatus status, int replicas, ResourceRequest resources, ChartRef chart) {
        return new StoredService(name, status, null, replicas, resources, chart, Map.of(), List.of(), null, null);
    }

    /**
     * @param status the new status
     * @param lastError the new last error, or {@code null}
     * @return a copy with this status and error
     */
    public StoredService withStatus(ServiceStatus status, String lastError) {
        return new StoredService(
                name, status, cluster, replicas, resources, chart, values, alertRules, lastError, dashboardUrl);
    }

    /**
     * @param cluster the new cluster
     * @param values the Helm values for that cluster
     * @return a copy placed on this cluster with these values
     */
    public StoredService withPlacement(String cluster, Map<String, Object> values) {
        return new StoredService(
                name, status, cluster, replicas, resources, chart, values, alertRules, lastError, dashboardUrl);
    }

    /**
     * @param replicas the new replica count
     * @return a copy with this replica count
     */
    public StoredService withReplicas(int replicas) {
        return new StoredService(
                name, status, cluster, replicas, resources, chart, values, alertRules, lastError, dashboardUrl);
    }

    /**
     * @param alertRules the alerting rules of its event trigger
     * @return a copy with these rules
     */
    public StoredService withAlertRules(List<AlertRule> alertRules) {
        return new StoredService(
                name, status, cluster, replicas, resources, chart, values, alertRules, lastError, dashboardUrl);
    }

    /**
     * @param dashboardUrl the dashboard URL
     * @return a copy with this dashboard URL
     */
    public StoredService withDashboardUrl(String dashboardUrl) {
        return new StoredService(
                name, status, cluster, replicas, resources, chart, values, alertRules, lastError, dashboardUrl);
    }
}
