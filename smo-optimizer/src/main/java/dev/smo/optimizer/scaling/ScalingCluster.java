package dev.smo.optimizer.scaling;

import dev.smo.optimizer.milp.InvalidModelException;
import java.util.Objects;

/**
 * A cluster's CPU available to the services placed on it.
 *
 * @param name cluster name
 * @param cpuMillis CPU available to the problem's services there, in millicores (≥ 0)
 */
public record ScalingCluster(String name, long cpuMillis) {

    /** Checks ranges. */
    public ScalingCluster {
        Objects.requireNonNull(name, "name");
        if (cpuMillis < 0) {
            throw new InvalidModelException("Cluster (" + name + ") has negative cpuMillis (" + cpuMillis + ").");
        }
    }
}
