package dev.smo.optimizer.scaling;

import java.util.Objects;

/**
 * Why no replica counts exist; the orchestrator answers with a re-placement.
 *
 * @param reason the kind of failure
 * @param service the service concerned, or "" when a whole cluster is short
 * @param cluster the cluster concerned
 * @param message the full sentence naming the service or cluster and the numbers
 */
public record ScalingExplanation(Reason reason, String service, String cluster, String message) {

    /** Checks nulls. */
    public ScalingExplanation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of scaling failure. */
    public enum Reason {
        /** The service needs more replicas than its maximum to serve its request rate. */
        RATE_ABOVE_MAX_REPLICAS,
        /** The services on a cluster need more CPU, at their fewest replicas, than the cluster has. */
        CLUSTER_CPU_SHORT,
        /** The services on a cluster need more memory, at their fewest replicas, than the cluster has. */
        CLUSTER_MEMORY_SHORT,
        /** The services on a cluster need more GPUs, at their fewest replicas, than the cluster has. */
        CLUSTER_GPU_SHORT,
        /** The service names a cluster the problem does not list. */
        UNKNOWN_CLUSTER,
        /** The solver stopped on a limit or numerical failure before finding replica counts. */
        SOLVER_FAILED
    }

    @Override
    public String toString() {
        return message;
    }
}
