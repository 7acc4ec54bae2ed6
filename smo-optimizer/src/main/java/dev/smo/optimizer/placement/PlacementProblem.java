package dev.smo.optimizer.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A placement problem: choose one ready cluster per service so that, per cluster, the services' total CPU, memory
 * and GPU demands (per replica × replicas) fit, every coLocation group shares one cluster, and the objective of
 * {@link PlacementWeights} is minimal. Build one with {@link #builder()}.
 *
 * @param services services in a fixed order (the order of the result's assignment)
 * @param clusters clusters in a fixed order (the last tie-breaker)
 * @param currentPlacement service → current cluster; may be partial, and may name clusters that are gone or not
 *        ready (such services must move); empty for an initial placement
 * @param edges HDAG edges between services
 * @param coLocationGroups sets of services that must share a cluster
 * @param weights objective weights
 */
public record PlacementProblem(
        List<ServiceDemand> services,
        List<ClusterCapacity> clusters,
        Map<String, String> currentPlacement,
        List<ServiceEdge> edges,
        List<Set<String>> coLocationGroups,
        PlacementWeights weights) {

    /** Checks that names are unique and that edges, groups and the current placement name known services. */
    public PlacementProblem {
        services = List.copyOf(services);
        clusters = List.copyOf(clusters);
        currentPlacement = Collections.unmodifiableMap(new LinkedHashMap<>(currentPlacement));
        edges = List.copyOf(edges);
        List<Set<String>> groups = new ArrayList<>();
        for (Set<String> group : coLocationGroups) {
            groups.add(Set.copyOf(new TreeSet<>(group)));
        }
        coLocationGroups = List.copyOf(groups);
        Objects.requireNonNull(weights, "weights");
        Set<String> serviceNames = new HashSet<>();
        for (ServiceDemand service : services) {
            if (!serviceNames.add(service.name())) {
                throw new InvalidPlacementProblemException("Service (" + service.name() + ") appears twice.");
            }
        }
        Set<String> clusterNames = new HashSet<>();
        for (ClusterCapacity cluster : clusters) {
            if (!clusterNames.add(cluster.name())) {
                throw new InvalidPlacementProblemException("Cluster (" + cluster.name() + ") appears twice.");
            }
        }
        for (ServiceEdge edge : edges) {
            requireKnown(serviceNames, edge.from(), "Edge");
            requireKnown(serviceNames, edge.to(), "Edge");
        }
        for (Set<String> group : coLocationGroups) {
            group.forEach(name -> requireKnown(serviceNames, name, "CoLocation group"));
        }
        currentPlacement.keySet().forEach(name -> requireKnown(serviceNames, name, "Current placement"));
    }

    private static void requireKnown(Set<String> names, String name, String where) {
        if (!names.contains(name)) {
            throw new InvalidPlacementProblemException(where + " names service (" + name
                    + "), which is not in the problem.\nMaybe add the service or drop the reference.");
        }
    }

    /** @return the sum of the edge weights */
    public long totalEdgeWeight() {
        return edges.stream().mapToLong(ServiceEdge::weight).sum();
    }

    /** @return the cost of one move in the scalar objective ({@link PlacementWeights#moveCostFor(long)}) */
    public long moveCost() {
        return weights.moveCostFor(totalEdgeWeight());
    }

    /**
     * @param other weights
     * @return the same problem with other objective weights
     */
    public PlacementProblem withWeights(PlacementWeights other) {
        return new PlacementProblem(services, clusters, currentPlacement, edges, coLocationGroups, other);
    }

    /** @return a builder with no services, no clusters and {@link PlacementWeights#DEFAULTS} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a {@link PlacementProblem}; not thread-safe. */
    public static final class Builder {

        private final List<ServiceDemand> services = new ArrayList<>();
        private final List<ClusterCapacity> clusters = new ArrayList<>();
        private final Map<String, String> current = new LinkedHashMap<>();
        private final List<ServiceEdge> edges = new ArrayList<>();
        private final List<Set<String>> groups = new ArrayList<>();
        private PlacementWeights weights = PlacementWeights.DEFAULTS;

        private Builder() {}

        /**
         * @param service a service, appended to the service order
         * @return this builder
         */
        public Builder service(ServiceDemand service) {
            services.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        /**
         * @param cluster a cluster, appended to the cluster order
         * @return this builder
         */
        public Builder cluster(ClusterCapacity cluster) {
            clusters.add(Objects.requireNonNull(cluster, "cluster"));
            return this;
        }

        /**
         * @param service a service name
         * @param cluster the cluster it runs on now (may be gone)
         * @return this builder
         */
        public Builder current(String service, String cluster) {
            current.put(service, cluster);
            return this;
        }

        /**
         * @param placement service → current cluster, added to what was given before
         * @return this builder
         */
        public Builder currentPlacement(Map<String, String> placement) {
            current.putAll(placement);
            return this;
        }

        /**
         * @param from one service
         * @param to the other service
         * @param weight integral weight ≥ 1
         * @return this builder
         */
        public Builder edge(String from, String to, int weight) {
            edges.add(new ServiceEdge(from, to, weight));
            return this;
        }

        /**
         * @param edge an HDAG edge
         * @return this builder
         */
        public Builder edge(ServiceEdge edge) {
            edges.add(Objects.requireNonNull(edge, "edge"));
            return this;
        }

        /**
         * @param group services that must share one cluster
         * @return this builder
         */
        public Builder coLocate(Set<String> group) {
            groups.add(Set.copyOf(group));
            return this;
        }

        /**
         * @param objectiveWeights the objective weights
         * @return this builder
         */
        public Builder weights(PlacementWeights objectiveWeights) {
            this.weights = Objects.requireNonNull(objectiveWeights, "weights");
            return this;
        }

        /** @return the validated problem */
        public PlacementProblem build() {
            return new PlacementProblem(services, clusters, current, edges, groups, weights);
        }
    }
}
