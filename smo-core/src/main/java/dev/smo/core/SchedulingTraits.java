package dev.smo.core;

import dev.smo.model.Gpu;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a cluster's scheduler checks besides its total free capacity.
 *
 * @param maxPodCpuMillis the most CPU one pod may request and still fit on a single node (Karmada's largest
 *     resource-model grade that has a node with room), {@link Long#MAX_VALUE} when unknown
 * @param maxPodMemoryBytes the same for memory, {@link Long#MAX_VALUE} when unknown
 * @param taints the cluster's taints, empty when none
 * @param gpuResource the extended resource name of the cluster's GPUs (e.g. {@code amd.com/gpu}), or {@code null}
 *     when unknown (then {@code nvidia.com/gpu} is requested)
 * @param apis the APIs the cluster serves, as {@code group/version/Kind} ({@code v1/Service} for the core group;
 *     Karmada's {@code status.apiEnablements}), empty when unknown (then every API is assumed)
 * @param gpuCounts free GPUs per whole-device resource name, for clusters with several vendors' GPUs (a pod takes
 *     one vendor's); empty when unknown (then the cluster's GPUs are all {@code gpuResource}'s)
 * @param freePods how many more pods the cluster takes (Karmada's {@code pods} in {@code allocatable − allocated −
 *     allocating}: the kubelets' max-pods), {@link Long#MAX_VALUE} when unknown
 */
public record SchedulingTraits(
        long maxPodCpuMillis,
        long maxPodMemoryBytes,
        List<Taint> taints,
        String gpuResource,
        Set<String> apis,
        Map<String, Integer> gpuCounts,
        long freePods) {

    /** No per-node limit, no taints, GPU resource and APIs unknown. */
    public static final SchedulingTraits NONE = new SchedulingTraits(Long.MAX_VALUE, Long.MAX_VALUE, List.of(), null);

    /** The MCS API's ServiceExport, which a service needs where it runs when services on other clusters call it. */
    public static final String SERVICE_EXPORT = "multicluster.x-k8s.io/v1alpha1/ServiceExport";

    /** The MCS API's ServiceImport, which Karmada's multi-cluster services put where a service's clients run. */
    public static final String SERVICE_IMPORT = "multicluster.x-k8s.io/v1alpha1/ServiceImport";

    /** The resource requested for GPUs when a cluster does not name its own. */
    public static final String DEFAULT_GPU_RESOURCE = "nvidia.com/gpu";

    public SchedulingTraits {
        if (maxPodCpuMillis < 0 || maxPodMemoryBytes < 0 || freePods < 0) {
            throw new IllegalArgumentException("Negative per-pod limit: maxPodCpuMillis=" + maxPodCpuMillis
                    + ", maxPodMemoryBytes=" + maxPodMemoryBytes + ", freePods=" + freePods + ".");
        }
        taints = taints == null ? List.of() : List.copyOf(taints);
        apis = apis == null ? Set.of() : Set.copyOf(apis);
        gpuCounts = gpuCounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(gpuCounts));
        if (gpuCounts.values().stream().anyMatch(n -> n == null || n < 0)) {
            throw new IllegalArgumentException("Negative or missing GPU count in " + gpuCounts + ".");
        }
    }

    /**
     * Traits with one GPU resource, or none.
     *
     * @param maxPodCpuMillis the most CPU one pod may request on one node
     * @param maxPodMemoryBytes the most memory one pod may request on one node
     * @param taints the taints
     * @param gpuResource the GPU resource name, or {@code null}
     * @param apis the APIs served, empty when unknown
     */
    public SchedulingTraits(
            long maxPodCpuMillis, long maxPodMemoryBytes, List<Taint> taints, String gpuResource, Set<String> apis) {
        this(maxPodCpuMillis, maxPodMemoryBytes, taints, gpuResource, apis, Map.of());
    }

    /**
     * Traits whose pod room is unknown.
     *
     * @param maxPodCpuMillis the most CPU one pod may request on one node
     * @param maxPodMemoryBytes the most memory one pod may request on one node
     * @param taints the taints
     * @param gpuResource the GPU resource name, or {@code null}
     * @param apis the APIs served, empty when unknown
     * @param gpuCounts free GPUs per resource name, empty when unknown
     */
    public SchedulingTraits(
            long maxPodCpuMillis,
            long maxPodMemoryBytes,
            List<Taint> taints,
            String gpuResource,
            Set<String> apis,
            Map<String, Integer> gpuCounts) {
        this(maxPodCpuMillis, maxPodMemoryBytes, taints, gpuResource, apis, gpuCounts, Long.MAX_VALUE);
    }

    /**
     * @param pods how many more pods the cluster takes
     * @return a copy with this pod room
     */
    public SchedulingTraits withFreePods(long pods) {
        return new SchedulingTraits(maxPodCpuMillis, maxPodMemoryBytes, taints, gpuResource, apis, gpuCounts, pods);
    }

    /**
     * Traits whose APIs are unknown.
     *
     * @param maxPodCpuMillis the most CPU one pod may request on one node
     * @param maxPodMemoryBytes the most memory one pod may request on one node
     * @param taints the taints
     * @param gpuResource the GPU resource name, or {@code null}
     */
    public SchedulingTraits(long maxPodCpuMillis, long maxPodMemoryBytes, List<Taint> taints, String gpuResource) {
        this(maxPodCpuMillis, maxPodMemoryBytes, taints, gpuResource, Set.of(), Map.of());
    }

    /**
     * @param api {@code group/version/Kind}
     * @return whether the cluster serves it (always, when its APIs are unknown)
     */
    public boolean serves(String api) {
        return apis.isEmpty() || apis.contains(api);
    }

    /**
     * @param cpuMillis CPU of one pod
     * @param memoryBytes memory of one pod
     * @return whether one pod of this size fits on a single node
     */
    public boolean fitsOnOneNode(long cpuMillis, long memoryBytes) {
        return cpuMillis <= maxPodCpuMillis && memoryBytes <= maxPodMemoryBytes;
    }

    /** @return the GPU resource to request on this cluster */
    public String gpuResourceOrDefault() {
        return gpuResource == null ? DEFAULT_GPU_RESOURCE : gpuResource;
    }

    /**
     * The GPU resource a need takes here: for any vendor, {@link #gpuResourceOrDefault()} (the resource with the
     * most free, whose count is the cluster's GPUs); for a named vendor, that vendor's resource with the most free
     * in {@link #gpuCounts()}, or {@code gpuResource} when the counts are unknown and it is that vendor's.
     *
     * @param need the GPU need
     * @return the resource name, or {@code null} when the cluster has none of the vendor's GPUs
     */
    public String gpuResourceFor(Gpu need) {
        if (need.vendor() == null) {
            return gpuResourceOrDefault();
        }
        String best = null;
        for (Map.Entry<String, Integer> e : gpuCounts.entrySet()) {
            if (need.acceptsResource(e.getKey()) && (best == null || e.getValue() > gpuCounts.get(best))) {
                best = e.getKey();
            }
        }
        if (best != null || !gpuCounts.isEmpty()) {
            return best;
        }
        return need.acceptsResource(gpuResource) ? gpuResourceOrDefault() : null;
    }

    /**
     * @param resource a GPU resource name
     * @param clusterGpus the cluster's free GPUs ({@link ClusterInfo#gpus()})
     * @return the free GPUs of that resource: its count when known, else the cluster's GPUs
     */
    public int gpusOf(String resource, int clusterGpus) {
        Integer count = gpuCounts.get(resource);
        return count == null ? clusterGpus : Math.min(count, clusterGpus);
    }

    /**
     * A Kubernetes/Karmada taint.
     *
     * @param key the key
     * @param value the value, or {@code null}
     * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
     */
    public record Taint(String key, String value, String effect) {

        public Taint {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(effect, "effect");
        }

        /** @return whether Karmada's TaintToleration filter refuses new placements for it ({@code NoSchedule}) */
        public boolean blocksScheduling() {
            return "NoSchedule".equals(effect) || "NoExecute".equals(effect);
        }

        /** @return whether it also evicts what already runs there ({@code NoExecute}) */
        public boolean evicts() {
            return "NoExecute".equals(effect);
        }
    }
}
