package dev.smo.core;

import dev.smo.core.spi.Nfvcl;
import java.util.List;
import java.util.Objects;

/**
 * A Kubernetes cluster the NFVCL could build to host what a placement lacks, sized by {@code ClusterSizing}'s rule.
 *
 * @param vimName the VIM to build it on
 * @param popArea the VIM's pop area
 * @param workers how many workers
 * @param workerFlavor the workers' size
 * @param services the services it is sized for
 * @param cpuMillis the CPU those services need, in millicores
 * @param memoryBytes the memory those services need
 */
public record ClusterSuggestion(
        String vimName,
        int popArea,
        int workers,
        Nfvcl.Flavor workerFlavor,
        List<String> services,
        long cpuMillis,
        long memoryBytes) {

    public ClusterSuggestion {
        Objects.requireNonNull(vimName, "vimName");
        Objects.requireNonNull(workerFlavor, "workerFlavor");
        services = List.copyOf(services);
    }

    /** @return the request for the NFVCL: this VIM, area, worker count and flavor, the NFVCL's master */
    public ClusterRequest request() {
        return new ClusterRequest(
                popArea, vimName, workers, java.util.Optional.empty(), java.util.Optional.of(workerFlavor));
    }

    /** @return one sentence for events and answers */
    public String describe() {
        return "a cluster on VIM (" + vimName + ") of pop area " + popArea + " with " + workers + " worker(s) of "
                + workerFlavor.vcpus() + " vCPU and " + workerFlavor.memoryMb() + " MiB, for " + services + " ("
                + cpuMillis + "m CPU, " + memoryBytes / (1024 * 1024) + " MiB)";
    }
}
