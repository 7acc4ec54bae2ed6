package dev.smo.optimizer.scaling;

import dev.smo.optimizer.milp.InvalidModelException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Choose integer replicas {@code r_s ∈ [min_s, max_s]} with {@code alpha_s·r_s + beta_s >= rate_s} and, per
 * cluster, {@code Σ_{s on cluster} r_s·cpu_s <= cluster cpu}, the same for memory and GPUs, minimising the
 * {@link ScalingWeights} objective.
 *
 * @param services services in a fixed order (the order of the result)
 * @param clusters the clusters the services run on
 * @param weights objective weights
 */
public record ScalingProblem(List<ScalingService> services, List<ScalingCluster> clusters, ScalingWeights weights) {

    /** Checks unique names; services may name a cluster that is missing (the solve then explains it). */
    public ScalingProblem {
        services = List.copyOf(services);
        clusters = List.copyOf(clusters);
        Objects.requireNonNull(weights, "weights");
        Set<String> names = new HashSet<>();
        for (ScalingService service : services) {
            if (!names.add(service.name())) {
                throw new InvalidModelException("Service (" + service.name() + ") appears twice.");
            }
        }
        names.clear();
        for (ScalingCluster cluster : clusters) {
            if (!names.add(cluster.name())) {
                throw new InvalidModelException("Cluster (" + cluster.name() + ") appears twice.");
            }
        }
    }

    /** @return a builder with {@link ScalingWeights#DEFAULTS} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a {@link ScalingProblem}. */
    public static final class Builder {

        private final List<ScalingService> services = new ArrayList<>();
        private final List<ScalingCluster> clusters = new ArrayList<>();
        private ScalingWeights weights = ScalingWeights.DEFAULTS;

        private Builder() {}

        /**
         * @param service a service, appended to the order
         * @return this builder
         */
        public Builder service(ScalingService service) {
            services.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        /**
         * @param name cluster name
         * @param cpuMillis CPU available there, in millicores
         * @return this builder; the cluster's memory and GPUs are not limited
         */
        public Builder cluster(String name, long cpuMillis) {
            clusters.add(ScalingCluster.ofCpu(name, cpuMillis));
            return this;
        }

        /**
         * @param cluster a cluster with its CPU, memory and GPUs
         * @return this builder
         */
        public Builder cluster(ScalingCluster cluster) {
            clusters.add(Objects.requireNonNull(cluster, "cluster"));
            return this;
        }

        /**
         * @param objectiveWeights the objective weights
         * @return this builder
         */
        public Builder weights(ScalingWeights objectiveWeights) {
            this.weights = Objects.requireNonNull(objectiveWeights, "weights");
            return this;
        }

        /** @return the validated problem */
        public ScalingProblem build() {
            return new ScalingProblem(services, clusters, weights);
        }
    }
}
