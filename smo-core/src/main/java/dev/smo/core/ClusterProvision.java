package dev.smo.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster SMO asked the NFVCL for because a graph lacked capacity, and how far it got: built, joined to Karmada,
 * the graph re-placed. Kept after it ends, as the graph's record of what was tried.
 *
 * @param smoId the NFVCL cluster's SMO id
 * @param graph the graph it was provisioned for
 * @param memberName its name as a Karmada member
 * @param state how far it got
 * @param deadline when it must be ready in Karmada, or it is deleted
 * @param detail the last thing learned: the control plane's reason while waiting, why it failed or ended
 * @param createdAt when SMO stored it
 * @param updatedAt when SMO last changed it
 * @param version the optimistic lock: each update must carry the version it read
 */
public record ClusterProvision(
        String smoId,
        String graph,
        String memberName,
        State state,
        Instant deadline,
        Optional<String> detail,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public ClusterProvision {
        Objects.requireNonNull(smoId, "smoId");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * How far a provisioning got: {@code REQUESTED → JOINING → JOINED → DONE}, or {@code FAILED} (the cluster was
     * deleted).
     */
    public enum State {
        /** The NFVCL builds the cluster. */
        REQUESTED,
        /** Built; joined to Karmada, which does not report it ready yet. */
        JOINING,
        /** Karmada reports it ready; the graph is to be re-placed. */
        JOINED,
        /** The graph was re-placed (or is gone): nothing left to do. */
        DONE,
        /** It never became ready in time, or the NFVCL failed it; it was deleted. */
        FAILED;

        /** @return whether the provisioning loop still works on it */
        public boolean isOpen() {
            return this == REQUESTED || this == JOINING || this == JOINED;
        }
    }

    /**
     * @param state the new state
     * @param detail what was learned
     * @return a copy in that state
     */
    public ClusterProvision with(State state, Optional<String> detail) {
        return new ClusterProvision(smoId, graph, memberName, state, deadline, detail, createdAt, updatedAt, version);
    }
}
