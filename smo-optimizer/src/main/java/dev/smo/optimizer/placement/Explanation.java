package dev.smo.optimizer.placement;

import java.util.List;
import java.util.Objects;

/**
 * Why no placement exists, in terms a person can act on.
 *
 * @param reason the kind of failure
 * @param services the services concerned (one for a per-service failure, the group for coLocation, empty when
 *        the whole problem is short)
 * @param resource the resource that is short: "cpu", "memory", "gpu", "cluster" (no allowed ready cluster) or
 *        "packing" (totals fit but no assignment does)
 * @param closestClusters clusters that came closest, best first, with what they offer
 * @param message the full sentence, e.g. "Service (video) needs 2 GPUs per replica × 1; no ready cluster has 2
 *        GPUs. Closest: edge-1 (0 GPUs)."
 */
public record Explanation(
        Reason reason, List<String> services, String resource, List<String> closestClusters, String message) {

    /** Checks nulls and copies lists. */
    public Explanation {
        Objects.requireNonNull(reason, "reason");
        services = List.copyOf(services);
        Objects.requireNonNull(resource, "resource");
        closestClusters = List.copyOf(closestClusters);
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of placement failure. */
    public enum Reason {
        /** No cluster is ready at all. */
        NO_READY_CLUSTER,
        /** One service fits on no allowed ready cluster, even alone. */
        SERVICE_FITS_NOWHERE,
        /** A coLocation group fits together on no cluster allowed for all its members. */
        GROUP_FITS_NOWHERE,
        /** Total demand of a resource exceeds the total of the ready clusters. */
        TOTAL_CAPACITY_SHORT,
        /** Totals fit, but the search proved no assignment packs every service. */
        PACKING_IMPOSSIBLE,
        /** The node or time limit stopped the search before a placement was found. */
        LIMIT_REACHED
    }

    @Override
    public String toString() {
        return message;
    }
}
