package dev.smo.core.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.core.ClusterSuggestion;
import dev.smo.core.NfvclCluster;
import dev.smo.core.Plan;
import dev.smo.core.PlannedService;
import dev.smo.core.Provisioning.Advice;
import dev.smo.core.Vim;
import dev.smo.core.spi.Nfvcl;
import dev.smo.optimizer.placement.Explanation;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sizing rule of a cluster to provision for an infeasible plan.
 *
 * <ol>
 *   <li>Only a shortfall of capacity is provisioned for: a service or coLocation group that fits nowhere, a total
 *       that is short, a packing that fails, or no ready cluster at all (not a time limit, nor a service that no cluster allows because of
 *       its labels, taints or APIs, which a new cluster would not change).
 *   <li>When the explanation names services (one, or a coLocation group, that fits nowhere), the cluster holds
 *       them: their CPU and memory per replica times their replicas. When it names none (a total short, a packing
 *       that fails, no ready cluster), it holds the shortfall: the graph's demand less what the ready clusters
 *       offer it, per resource, and at least the largest replica. GPUs cannot be asked for (the NFVCL's flavors
 *       have none): a GPU shortfall gets no suggestion.
 *   <li>A worker offers its flavor less a system reserve of 500 m CPU and 1 GiB. The flavor is the smallest of
 *       {@link #FLAVORS} whose worker holds the largest replica and whose worker count stays at most
 *       {@link #MAX_WORKERS}; failing that, the largest flavor holding that replica, with as many workers as needed
 *       (at most 100). Workers = the larger of ⌈CPU / worker CPU⌉ and ⌈memory / worker memory⌉, at least 1.
 *   <li>The VIM is the one with both networks whose pop area runs the fewest NFVCL clusters SMO tracks (ties: the
 *       lowest id).
 * </ol>
 */
final class ClusterSizing {

    /** Worker flavors, smallest first: vCPUs, MiB, root disk GB. */
    static final List<Nfvcl.Flavor> FLAVORS = List.of(
            new Nfvcl.Flavor(2, 4096, 40),
            new Nfvcl.Flavor(4, 8192, 40),
            new Nfvcl.Flavor(8, 16384, 80),
            new Nfvcl.Flavor(16, 32768, 80),
            new Nfvcl.Flavor(32, 65536, 160));

    /** The most workers a suggestion takes before it moves to a larger flavor. */
    static final int MAX_WORKERS = 8;

    static final long RESERVED_CPU_MILLIS = 500;
    static final long RESERVED_MEMORY_BYTES = 1L << 30;
    private static final long MIB = 1L << 20;

    private ClusterSizing() {}

    /**
     * @param plan an infeasible plan
     * @param available the clusters with the capacity available to the plan's graph
     * @param vims the VIMs SMO knows
     * @param clusters the NFVCL clusters SMO tracks
     * @return the cluster to provision, or why there is none
     */
    static Advice advise(Plan plan, List<ClusterInfo> available, List<Vim> vims, List<NfvclCluster> clusters) {
        if (plan.feasible()) {
            return none("The graph fits on the clusters there are; nothing to provision.");
        }
        Optional<Explanation> explanation = plan.placement().explanation();
        if (explanation.isEmpty() || !isCapacity(explanation.get())) {
            return none("The placement failed for another reason than capacity ("
                    + plan.placement().describe() + "); a new cluster would not help.");
        }
        Explanation e = explanation.get();
        Set<String> named = new HashSet<>(e.services());
        List<PlannedService> sized = plan.services().stream()
                .filter(s -> named.isEmpty() || named.contains(s.name()))
                .toList();
        long cpu = 0;
        long memory = 0;
        long gpus = 0;
        long largestCpu = 0;
        long largestMemory = 0;
        for (PlannedService s : sized) {
            int replicas = Math.max(1, s.replicas());
            cpu += s.resources().cpuMillis() * replicas;
            memory += s.resources().memoryBytes() * replicas;
            gpus += (long) s.resources().gpus() * replicas;
            largestCpu = Math.max(largestCpu, s.resources().cpuMillis());
            largestMemory = Math.max(largestMemory, s.resources().memoryBytes());
        }
        List<String> names = sized.stream().map(PlannedService::name).toList();
        if (named.isEmpty()) {
            long freeCpu = 0;
            long freeMemory = 0;
            for (ClusterInfo c : available) {
                if (c.ready()) {
                    freeCpu += c.cpuMillis();
                    freeMemory += c.memoryBytes();
                }
            }
            cpu = Math.max(cpu - freeCpu, largestCpu);
            memory = Math.max(memory - freeMemory, largestMemory);
        }
        if (gpus > 0) {
            return none("Services " + names + " need " + gpus + " GPU(s); the NFVCL's flavors have no GPUs, so no "
                    + "cluster it builds would help.\nMaybe add a GPU cluster to Karmada.");
        }
        Optional<Vim> vim = vim(vims, clusters);
        if (vim.isEmpty()) {
            return none("No VIM with a management and a service network is registered.\nMaybe register one: POST "
                    + "/vims/smo_vims.");
        }
        Optional<Sized> size = size(cpu, memory, largestCpu, largestMemory);
        if (size.isEmpty()) {
            return none("A replica of " + names + " (" + largestCpu + "m CPU, " + largestMemory / MIB
                    + " MiB) is larger than the largest worker flavor, or the services need more than 100 workers.");
        }
        ClusterSuggestion suggestion = new ClusterSuggestion(
                vim.get().name(),
                vim.get().popArea(),
                size.get().workers(),
                size.get().flavor(),
                names,
                cpu,
                memory);
        return new Advice(Optional.of(suggestion), "The NFVCL could build " + suggestion.describe() + ".");
    }

    /** A worker count of one flavor. */
    record Sized(Nfvcl.Flavor flavor, int workers) {}

    /**
     * @return the smallest flavor holding the largest replica with at most {@link #MAX_WORKERS} workers, else the
     *     largest holding it with at most 100 workers
     */
    static Optional<Sized> size(long cpuMillis, long memoryBytes, long largestCpu, long largestMemory) {
        Sized fallback = null;
        for (Nfvcl.Flavor f : FLAVORS) {
            long workerCpu = f.vcpus() * 1000L - RESERVED_CPU_MILLIS;
            long workerMemory = f.memoryMb() * MIB - RESERVED_MEMORY_BYTES;
            if (largestCpu > workerCpu || largestMemory > workerMemory) {
                continue;
            }
            long workers = Math.max(1, Math.max(ceil(cpuMillis, workerCpu), ceil(memoryBytes, workerMemory)));
            if (workers <= MAX_WORKERS) {
                return Optional.of(new Sized(f, (int) workers));
            }
            fallback = workers <= dev.smo.core.ClusterRequest.MAX_WORKERS ? new Sized(f, (int) workers) : null;
        }
        return Optional.ofNullable(fallback);
    }

    private static long ceil(long need, long per) {
        return (need + per - 1) / per;
    }

    private static boolean isCapacity(Explanation e) {
        return switch (e.reason()) {
            case NO_READY_CLUSTER -> true;
            case LIMIT_REACHED -> false;
            default -> !e.resource().equals("cluster");
        };
    }

    private static Optional<Vim> vim(List<Vim> vims, List<NfvclCluster> clusters) {
        Map<Integer, Long> perArea = clusters.stream()
                .filter(c -> c.status() != NfvclCluster.Status.DELETING)
                .collect(Collectors.groupingBy(NfvclCluster::popArea, Collectors.counting()));
        return vims.stream()
                .filter(v ->
                        v.managementNetwork().isPresent() && v.serviceNetwork().isPresent())
                .min(Comparator.comparingLong((Vim v) -> perArea.getOrDefault(v.popArea(), 0L))
                        .thenComparingLong(Vim::id));
    }

    private static Advice none(String why) {
        return new Advice(Optional.empty(), why);
    }
}
