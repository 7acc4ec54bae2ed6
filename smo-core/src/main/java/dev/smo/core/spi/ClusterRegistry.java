package dev.smo.core.spi;

import java.util.Map;
import java.util.Objects;

/**
 * Where member clusters join the multi-cluster control plane (Karmada): SMO joins a cluster it had built, with the
 * kubeconfig its builder handed out, and waits until the control plane reports it ready. Every method is idempotent.
 */
public interface ClusterRegistry {

    /**
     * Makes a cluster a member, or brings an existing membership in line with this kubeconfig and these labels.
     *
     * @param name the member's name in the control plane (a DNS-1123 label)
     * @param kubeconfig an admin kubeconfig of the cluster (YAML)
     * @param labels labels to put on the member
     * @throws dev.smo.core.SmoIntegrationException when the control plane refuses, or the kubeconfig is unusable
     */
    void join(String name, String kubeconfig, Map<String, String> labels);

    /**
     * @param name the member's name
     * @return whether the control plane reports it ready, with its reason
     * @throws dev.smo.core.SmoIntegrationException when the control plane cannot be read
     */
    MemberState state(String name);

    /**
     * Removes the member and what {@link #join} stored for it; nothing happens when it is absent.
     *
     * @param name the member's name
     * @throws dev.smo.core.SmoIntegrationException when the control plane refuses
     */
    void leave(String name);

    /**
     * A member as the control plane reports it.
     *
     * @param phase ready, not ready, or absent
     * @param reason the control plane's reason and message, empty when it gave none
     */
    record MemberState(Phase phase, String reason) {

        public MemberState {
            Objects.requireNonNull(phase, "phase");
            reason = reason == null ? "" : reason;
        }

        /** Where a member is. */
        public enum Phase {
            /** Its {@code Ready} condition is {@code True}. */
            READY,
            /** Known, but not (yet) ready. */
            NOT_READY,
            /** Not a member. */
            ABSENT
        }
    }
}
