package dev.smo.optimizer.placement;

import java.util.Objects;

/**
 * A cluster and the capacity available to the services of the problem (what they may use in total there).
 *
 * @param name unique cluster name
 * @param cpuMillis CPU available, in millicores (≥ 0)
 * @param memoryBytes memory available, in bytes (≥ 0)
 * @param gpus GPUs available (≥ 0)
 * @param ready whether the cluster can take services; a cluster that is not ready receives none
 */
public record ClusterCapacity(String name, long cpuMillis, long memoryBytes, int gpus, boolean ready) {

    /** Checks ranges. */
    public ClusterCapacity {
        Objects.requireNonNull(name, "name");
        if (cpuMillis < 0 || memoryBytes < 0 || gpus < 0) {
            throw new InvalidPlacementProblemException("Cluster (" + name + ") has negative cpuMillis (" + cpuMillis
                    + "), memoryBytes (" + memoryBytes + ") or gpus (" + gpus + ").");
        }
    }

    /**
     * @param name unique cluster name
     * @param cpuMillis CPU available, in millicores
     * @param memoryBytes memory available, in bytes
     * @param gpus GPUs available
     * @return a ready cluster
     */
    public static ClusterCapacity ready(String name, long cpuMillis, long memoryBytes, int gpus) {
        return new ClusterCapacity(name, cpuMillis, memoryBytes, gpus, true);
    }
}
