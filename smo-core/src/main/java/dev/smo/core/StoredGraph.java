package dev.smo.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A graph as the store keeps it: the aggregate of the graph row and its services, written and read as one.
 *
 * @param name graph name ({@code hdaGraph.id}), unique
 * @param project the project, also the Kubernetes namespace of its releases
 * @param status lifecycle state
 * @param descriptor the descriptor as canonical JSON, exactly as accepted
 * @param placement service id → cluster name
 * @param dashboardUrl the graph dashboard's URL, or {@code null}
 * @param services the services, in descriptor order
 * @param version optimistic-concurrency version: 0 before the first insert, then incremented by every update
 * @param createdAt when the graph was first stored ({@code null} before the first insert)
 * @param updatedAt when the graph was last stored ({@code null} before the first insert)
 */
public record StoredGraph(
        String name,
        String project,
        GraphStatus status,
        String descriptor,
        Map<String, String> placement,
        String dashboardUrl,
        List<StoredService> services,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public StoredGraph {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(descriptor, "descriptor");
        placement = placement == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(placement));
        services = services == null ? List.of() : List.copyOf(services);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (StoredService s : services) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("Graph (" + name + ") has service (" + s.name() + ") twice.");
            }
        }
    }

    /**
     * @param name a service id
     * @return the service, or empty when the graph has none of that name
     */
    public Optional<StoredService> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * @param status the new graph status
     * @return a copy with this status
     */
    public StoredGraph withStatus(GraphStatus status) {
        return new StoredGraph(
                name, project, status, descriptor, placement, dashboardUrl, services, version, createdAt, updatedAt);
    }

    /**
     * @param services the new service list
     * @return a copy with these services and the placement they imply
     */
    public StoredGraph withServices(List<StoredService> services) {
        Map<String, String> newPlacement = new LinkedHashMap<>();
        for (StoredService s : services) {
            if (s.cluster() != null) {
                newPlacement.put(s.name(), s.cluster());
            }
        }
        return new StoredGraph(
                name, project, status, descriptor, newPlacement, dashboardUrl, services, version, createdAt, updatedAt);
    }

    /**
     * @param service the replacement for the service of the same name
     * @return a copy with that service replaced
     */
    public StoredGraph withService(StoredService service) {
        List<StoredService> list = services.stream()
                .map(s -> s.name().equals(service.name()) ? service : s)
                .toList();
        return withServices(list);
    }

    /**
     * @param dashboardUrl the graph dashboard's URL
     * @return a copy with this URL
     */
    public StoredGraph withDashboardUrl(String dashboardUrl) {
        return new StoredGraph(
                name, project, status, descriptor, placement, dashboardUrl, services, version, createdAt, updatedAt);
    }
}
