package dev.smo.core;

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
 * @param cpuMillis CPU request per replica, in millicores
 * @param memoryBytes memory request per replica, in bytes
 * @param storageBytes storage request, in bytes (0 when none)
 * @param gpus GPUs per replica
 * @param artifactRef the chart reference ({@code ociImage})
 * @param artifactType {@code ociConfig.type}, or {@code null}
 * @param artifactImplementer {@code ociConfig.implementer}, or {@code null}
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
        long cpuMillis,
        long memoryBytes,
        long storageBytes,
        int gpus,
        String artifactRef,
        String artifactType,
        String artifactImplementer,
        Map<String, Object> values,
        List<AlertRule> alertRules,
        String lastError,
        String dashboardUrl) {

    public StoredService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(artifactRef, "artifactRef");
        if (replicas < 0 || cpuMillis < 0 || memoryBytes < 0 || storageBytes < 0 || gpus < 0) {
            throw new IllegalArgumentException("Service (" + name + ") has a negative count: replicas=" + replicas
                    + ", cpuMillis=" + cpuMillis + ", memoryBytes=" + memoryBytes + ", storageBytes=" + storageBytes
                    + ", gpus=" + gpus + ".");
        }
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        alertRules = alertRules == null ? List.of() : List.copyOf(alertRules);
    }

    /**
     * @param status the new status
     * @param lastError the new last error, or {@code null}
     * @return a copy with this status and error
     */
    public StoredService withStatus(ServiceStatus status, String lastError) {
        return new StoredService(
                name,
                status,
                cluster,
                replicas,
                cpuMillis,
                memoryBytes,
                storageBytes,
                gpus,
                artifactRef,
                artifactType,
                artifactImplementer,
                values,
                alertRules,
                lastError,
                dashboardUrl);
    }

    /**
     * @param cluster the new cluster
     * @param values the Helm values for that cluster
     * @return a copy placed on this cluster with these values
     */
    public StoredService withPlacement(String cluster, Map<String, Object> values) {
        return new StoredService(
                name,
                status,
                cluster,
                replicas,
                cpuMillis,
                memoryBytes,
                storageBytes,
                gpus,
                artifactRef,
                artifactType,
                artifactImplementer,
                values,
                alertRules,
                lastError,
                dashboardUrl);
    }

    /**
     * @param replicas the new replica count
     * @return a copy with this replica count
     */
    public StoredService withReplicas(int replicas) {
        return new StoredService(
                name,
                status,
                cluster,
                replicas,
                cpuMillis,
                memoryBytes,
                storageBytes,
                gpus,
                artifactRef,
                artifactType,
                artifactImplementer,
                values,
                alertRules,
                lastError,
                dashboardUrl);
    }

    /**
     * @param dashboardUrl the dashboard URL
     * @return a copy with this dashboard URL
     */
    public StoredService withDashboardUrl(String dashboardUrl) {
        return new StoredService(
                name,
                status,
                cluster,
                replicas,
                cpuMillis,
                memoryBytes,
                storageBytes,
                gpus,
                artifactRef,
                artifactType,
                artifactImplementer,
                values,
                alertRules,
                lastError,
                dashboardUrl);
    }
}
