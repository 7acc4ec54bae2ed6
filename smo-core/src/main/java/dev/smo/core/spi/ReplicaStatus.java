package dev.smo.core.spi;

/**
 * Replica counts of a service's workloads, summed over its Deployments.
 *
 * @param desired replicas asked for ({@code spec.replicas})
 * @param available replicas available ({@code status.availableReplicas}, 0 when unknown)
 */
public record ReplicaStatus(int desired, int available) {

    public ReplicaStatus {
        if (desired < 0 || available < 0) {
            throw new IllegalArgumentException(
                    "Replica counts must not be negative: desired=" + desired + ", available=" + available + ".");
        }
    }
}
