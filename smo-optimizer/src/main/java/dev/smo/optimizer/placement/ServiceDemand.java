package dev.smo.optimizer.placement;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One service to place. Its demand on a cluster is per-replica demand × replicas, for every resource.
 *
 * @param name unique service name
 * @param cpuMillis CPU per replica, in millicores (≥ 0)
 * @param memoryBytes memory per replica, in bytes (≥ 0)
 * @param gpus GPUs per replica (≥ 0)
 * @param replicas number of replicas (≥ 1)
 * @param allowedClusters clusters this service may run on; empty means any cluster
 */
public record ServiceDemand(
        String name, long cpuMillis, long memoryBytes, int gpus, int replicas, Set<String> allowedClusters) {

    /** Checks ranges and copies the allowed clusters into a sorted immutable set. */
    public ServiceDemand {
        Objects.requireNonNull(name, "name");
        if (cpuMillis < 0 || memoryBytes < 0 || gpus < 0 || replicas < 1) {
            throw new InvalidPlacementProblemException("Service (" + name + ") has cpuMillis (" + cpuMillis
                    + "), memoryBytes (" + memoryBytes + "), gpus (" + gpus + ") or replicas (" + replicas
                    + ") out of range.\nMaybe demands must be >= 0 and replicas >= 1.");
        }
        allowedClusters = Set.copyOf(new TreeSet<>(Objects.requireNonNull(allowedClusters, "allowedClusters")));
    }

    /**
     * @param name unique service name
     * @param cpuMillis CPU per replica, in millicores
     * @param memoryBytes memory per replica, in bytes
     * @param gpus GPUs per replica
     * @param replicas number of replicas
     * @return a service allowed on any cluster
     */
    public static ServiceDemand of(String name, long cpuMillis, long memoryBytes, int gpus, int replicas) {
        return new ServiceDemand(name, cpuMillis, memoryBytes, gpus, replicas, Set.of());
    }

    /**
     * @param clusters the clusters this service may run on
     * @return a copy restricted to those clusters
     */
    public ServiceDemand onlyOn(Set<String> clusters) {
        return new ServiceDemand(name, cpuMillis, memoryBytes, gpus, replicas, clusters);
    }

    /** @return total CPU demand, cpuMillis × replicas, in millicores */
    public long totalCpuMillis() {
        return cpuMillis * replicas;
    }

    /** @return total memory demand, memoryBytes × replicas, in bytes */
    public long totalMemoryBytes() {
        return memoryBytes * replicas;
    }

    /** @return total GPU demand, gpus × replicas */
    public long totalGpus() {
        return (long) gpus * replicas;
    }

    /**
     * @param cluster a cluster name
     * @return whether the service may run there (ignoring capacity and readiness)
     */
    public boolean allows(String cluster) {
        return allowedClusters.isEmpty() || allowedClusters.contains(cluster);
    }
}
