package dev.smo.core;

import dev.smo.core.spi.Nfvcl;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes cluster built by the NFVCL on an OpenStack VIM, as SMO tracks it.
 *
 * @param smoId SMO's id, {@code OS_K8S_<pop area>_<5 letters>} as the original named them
 * @param nfvclId the NFVCL blueprint id, once the NFVCL accepted the request
 * @param popArea the pop area of its master
 * @param vimName the VIM it runs on (SMO's name), or empty when the NFVCL built it for someone else
 * @param managementNetwork the management network's name
 * @param serviceNetwork the service network's name
 * @param masterFlavor the master's size, when SMO asked for one
 * @param workerFlavor the workers' size, when SMO asked for one
 * @param workers how many workers the NFVCL reports (or SMO asked for, before the first sync)
 * @param status where it is in its life
 * @param taskId the NFVCL task of the last operation, while SMO may poll it
 * @param lastError the last failure, with the NFVCL's message
 * @param createdAt when SMO stored it
 * @param updatedAt when SMO last changed it
 * @param version the optimistic lock: each update must carry the version it read
 */
public record NfvclCluster(
        String smoId,
        Optional<String> nfvclId,
        int popArea,
        String vimName,
        String managementNetwork,
        String serviceNetwork,
        Optional<Nfvcl.Flavor> masterFlavor,
        Optional<Nfvcl.Flavor> workerFlavor,
        int workers,
        Status status,
        Optional<String> taskId,
        Optional<String> lastError,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public NfvclCluster {
        Objects.requireNonNull(smoId, "smoId");
        Objects.requireNonNull(nfvclId, "nfvclId");
        vimName = vimName == null ? "" : vimName;
        managementNetwork = managementNetwork == null ? "" : managementNetwork;
        serviceNetwork = serviceNetwork == null ? "" : serviceNetwork;
        Objects.requireNonNull(masterFlavor, "masterFlavor");
        Objects.requireNonNull(workerFlavor, "workerFlavor");
        if (workers < 0) {
            throw new IllegalArgumentException(
                    "Cluster (" + smoId + ") has a negative worker count (" + workers + ").");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(lastError, "lastError");
    }

    /**
     * Where a cluster is in its life: {@code REQUESTED → DEPLOYING → READY → JOINED}, or {@code FAILED}, or
     * {@code DELETING} until the NFVCL's blueprint is gone. A scale-out takes a ready cluster back to
     * {@code DEPLOYING} until the NFVCL is idle again.
     */
    public enum Status {
        /** Stored; the NFVCL has not (yet) accepted it. */
        REQUESTED,
        /** The NFVCL builds it, or adds workers to it. */
        DEPLOYING,
        /** Built, and the NFVCL is idle on it. */
        READY,
        /** Ready and a Karmada member. */
        JOINED,
        /** The NFVCL reported an error, or its blueprint vanished. */
        FAILED,
        /** Deletion asked; the row goes once the blueprint is gone. */
        DELETING;

        /** @return whether the NFVCL may still move it on by itself */
        public boolean isBusy() {
            return this == REQUESTED || this == DEPLOYING || this == DELETING;
        }
    }

    /** @return a copy in another status, keeping everything else */
    public NfvclCluster withStatus(Status status, Optional<String> lastError) {
        return new NfvclCluster(
                smoId,
                nfvclId,
                popArea,
                vimName,
                managementNetwork,
                serviceNetwork,
                masterFlavor,
                workerFlavor,
                workers,
                status,
                taskId,
                lastError,
                createdAt,
                updatedAt,
                version);
    }

    /** @return a copy for the NFVCL's blueprint and task */
    public NfvclCluster withBlueprint(Optional<String> nfvclId, Optional<String> taskId) {
        return new NfvclCluster(
                smoId,
                nfvclId,
                popArea,
                vimName,
                managementNetwork,
                serviceNetwork,
                masterFlavor,
                workerFlavor,
                workers,
                status,
                taskId,
                lastError,
                createdAt,
                updatedAt,
                version);
    }

    /** @return a copy with this worker count */
    public NfvclCluster withWorkers(int workers) {
        return new NfvclCluster(
                smoId,
                nfvclId,
                popArea,
                vimName,
                managementNetwork,
                serviceNetwork,
                masterFlavor,
                workerFlavor,
                workers,
                status,
                taskId,
                lastError,
                createdAt,
                updatedAt,
                version);
    }
}
