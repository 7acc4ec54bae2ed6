package dev.smo.core.spi;

import dev.smo.core.ServiceStatus;
import java.util.Objects;

/**
 * What placed services ask of one cluster, summed over replicas: one row of {@link GraphStore#demand}.
 *
 * @param cluster the cluster the services are placed on
 * @param status the services' status
 * @param own whether the services belong to the graph the demand was read for
 * @param cpuMillis CPU, in millicores
 * @param memoryBytes memory, in bytes
 * @param gpus GPUs
 */
public record PlacedDemand(
        String cluster, ServiceStatus status, boolean own, long cpuMillis, long memoryBytes, long gpus) {

    public PlacedDemand {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(status, "status");
    }
}
