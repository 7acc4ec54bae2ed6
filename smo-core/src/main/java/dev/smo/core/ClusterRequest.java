package dev.smo.core;

import dev.smo.core.spi.Nfvcl;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes cluster to build through the NFVCL.
 *
 * @param popArea the pop area of its master
 * @param vimName the VIM to build it on (SMO's name or the NFVCL's)
 * @param workers how many workers, 1 to 100
 * @param masterFlavor the master's size, or the NFVCL's default
 * @param workerFlavor the workers' size, or the NFVCL's default
 */
public record ClusterRequest(
        int popArea,
        String vimName,
        int workers,
        Optional<Nfvcl.Flavor> masterFlavor,
        Optional<Nfvcl.Flavor> workerFlavor) {

    /** The most workers one request may ask for. */
    public static final int MAX_WORKERS = 100;

    public ClusterRequest {
        Objects.requireNonNull(vimName, "vimName");
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("Worker count (" + workers + ") is outside 1.." + MAX_WORKERS + ".");
        }
        Objects.requireNonNull(masterFlavor, "masterFlavor");
        Objects.requireNonNull(workerFlavor, "workerFlavor");
    }

    /**
     * @param popArea the pop area
     * @param vimName the VIM
     * @return one worker, the NFVCL's default sizes (what the original asked for)
     */
    public static ClusterRequest of(int popArea, String vimName) {
        return new ClusterRequest(popArea, vimName, 1, Optional.empty(), Optional.empty());
    }
}
