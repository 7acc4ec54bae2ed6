package dev.smo.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One member cluster as the inventory sees it now.
 *
 * @param name cluster name, as Karmada knows it
 * @param ready whether the cluster accepts workloads (Karmada's {@code ClusterReady} condition)
 * @param cpuMillis free CPU in millicores (allocatable minus allocated)
 * @param memoryBytes free memory in bytes (allocatable minus allocated)
 * @param gpus free GPUs (extended resources such as {@code nvidia.com/gpu})
 * @param labels cluster labels, empty when none
 * @param podCidr pod CIDR from Submariner, or {@code null} when unknown
 * @param serviceCidr service CIDR from Submariner, or {@code null} when unknown
 * @param traits per-node limits, taints and GPU resource name; {@link SchedulingTraits#NONE} when unknown
 */
public record ClusterInfo(
        String name,
        boolean ready,
        long cpuMillis,
        long memoryBytes,
        int gpus,
        Map<String, String> labels,
        String podCidr,
        String serviceCidr,
        SchedulingTraits traits) {

    public ClusterInfo {
        Objects.requireNonNull(name, "name");
        if (cpuMillis < 0 || memoryBytes < 0 || gpus < 0) {
            throw new IllegalArgumentException("Cluster (" + name + ") has negative capacity: cpuMillis=" + cpuMillis
                    + ", memoryBytes=" + memoryBytes + ", gpus=" + gpus + ".");
        }
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        traits = traits == null ? SchedulingTraits.NONE : traits;
    }

    /**
     * A cluster without scheduling traits ({@link SchedulingTraits#NONE}).
     *
     * @param name cluster name
     * @param ready readiness
     * @param cpuMillis free CPU in millicores
     * @param memoryBytes free memory in bytes
     * @param gpus free GPUs
     * @param labels labels
     * @param podCidr pod CIDR, or {@code null}
     * @param serviceCidr service CIDR, or {@code null}
     */
    public ClusterInfo(
            String name,
            boolean ready,
            long cpuMillis,
            long memoryBytes,
            int gpus,
            Map<String, String> labels,
            String podCidr,
            String serviceCidr) {
        this(name, ready, cpuMillis, memoryBytes, gpus, labels, podCidr, serviceCidr, SchedulingTraits.NONE);
    }

    /**
     * A ready cluster without labels or CIDRs.
     *
     * @param name cluster name
     * @param cpuMillis free CPU in millicores
     * @param memoryBytes free memory in bytes
     * @param gpus free GPUs
     * @return the cluster
     */
    public static ClusterInfo of(String name, long cpuMillis, long memoryBytes, int gpus) {
        return new ClusterInfo(name, true, cpuMillis, memoryBytes, gpus, Map.of(), null, null, SchedulingTraits.NONE);
    }

    /**
     * @param podCidr pod CIDR, or {@code null}
     * @param serviceCidr service CIDR, or {@code null}
     * @return a copy with these CIDRs
     */
    public ClusterInfo withCidrs(String podCidr, String serviceCidr) {
        return new ClusterInfo(name, ready, cpuMillis, memoryBytes, gpus, labels, podCidr, serviceCidr, traits);
    }

    /**
     * @param ready the readiness
     * @return a copy with this readiness
     */
    public ClusterInfo withReady(boolean ready) {
        return new ClusterInfo(name, ready, cpuMillis, memoryBytes, gpus, labels, podCidr, serviceCidr, traits);
    }

    /**
     * @param cpuMillis free CPU in millicores
     * @param memoryBytes free memory in bytes
     * @param gpus free GPUs
     * @return a copy with this free capacity
     */
    public ClusterInfo withCapacity(long cpuMillis, long memoryBytes, int gpus) {
        return new ClusterInfo(name, ready, cpuMillis, memoryBytes, gpus, labels, podCidr, serviceCidr, traits);
    }

    /**
     * @param traits the scheduling traits
     * @return a copy with these traits
     */
    public ClusterInfo withTraits(SchedulingTraits traits) {
        return new ClusterInfo(name, ready, cpuMillis, memoryBytes, gpus, labels, podCidr, serviceCidr, traits);
    }
}
