package dev.smo.optimizer.scaling;

import dev.smo.optimizer.milp.InvalidModelException;
import java.util.Objects;

/**
 * A cluster's resources available to the services placed on it.
 *
 * @param name cluster name
 * @param cpuMillis CPU available to the problem's services there, in millicores (≥ 0)
 * @param memoryBytes memory available there, in bytes (≥ 0; {@link Long#MAX_VALUE} when not limited)
 * @param gpus GPUs available there (≥ 0; {@link Integer#MAX_VALUE} when not limited)
 */
public record ScalingCluster(String name, long cpuMillis, long memoryBytes, int gpus) {

    /** Checks ranges. */
    public ScalingCluster {
        Objects.requireNonNull(name, "name");
        if (cpuMillis < 0 || memoryBytes < 0 || gpus < 0) {
            throw new InvalidModelException("Cluster (" + name + ") has negative capacity: cpuMillis (" + cpuMillis
                    + "), memoryBytes (" + memoryBytes + "), gpus (" + gpus + ").");
        }
    }

    /**
     * @param name cluster name
     * @param cpuMillis CPU available, in millicores
     * @return a cluster limited by CPU only
     */
    public static ScalingCluster ofCpu(String name, long cpuMillis) {
        return new ScalingCluster(name, cpuMillis, Long.MAX_VALUE, Integer.MAX_VALUE);
    }
}
