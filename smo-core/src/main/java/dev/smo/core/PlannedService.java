package dev.smo.core;

import dev.smo.intent.ResourceRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What SMO would do with one service.
 *
 * @param name the service id
 * @param cluster the cluster it is placed on, or {@code null} when there is no placement
 * @param replicas the replica count
 * @param resources the concrete resources per replica
 * @param values the complete Helm values of its release
 * @param alertRules the alerting rules of its event trigger; empty for services deployed at once
 * @param pending whether it waits for its event trigger instead of being installed at once
 */
public record PlannedService(
        String name,
        String cluster,
        int replicas,
        ResourceRequest resources,
        Map<String, Object> values,
        List<AlertRule> alertRules,
        boolean pending) {

    public PlannedService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resources, "resources");
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        alertRules = alertRules == null ? List.of() : List.copyOf(alertRules);
    }
}
