package dev.smo.karmada.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.core.SchedulingTraits;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Karmada {@code Cluster} object (as a map) into a {@link ClusterInfo}, without CIDRs. Partial or
 * malformed statuses give a cluster that is not ready or has zero capacity, never an exception.
 */
final class ClusterStatusReader {

    private static final System.Logger LOG = System.getLogger(ClusterStatusReader.class.getName());

    /**
     * Extended resources that count whole GPUs, in order of preference: NVIDIA's and AMD's device plugins, and
     * Intel's i915 and xe drivers. Intel's {@code gpu.intel.com/millicores}, {@code memory.max} and {@code tiles}
     * are shared-use amounts, not devices, and are not counted.
     */
    static final List<String> GPU_RESOURCES =
            List.of("nvidia.com/gpu", "amd.com/gpu", "gpu.intel.com/i915", "gpu.intel.com/xe");

    private ClusterStatusReader() {}

    /**
     * @param cluster a {@code clusters.cluster.karmada.io} object
     * @return the cluster, or {@code null} when it has no name
     */
    static ClusterInfo read(Map<String, Object> cluster) {
        String name = Json.string(cluster, "metadata", "name");
        if (name == null || name.isBlank()) {
            LOG.log(Level.WARNING, "Skipping a Karmada Cluster without metadata.name.");
            return null;
        }
        Map<String, Object> summary = Json.map(cluster, "status", "resourceSummary");
        long cpu = 0;
        long memory = 0;
        int gpus = 0;
        SchedulingTraits traits;
        try {
            cpu = Quantities.millis(free(summary, "cpu"));
            memory = Quantities.nonNegativeLong(free(summary, "memory"));
            Map<String, Integer> gpuCounts = gpuCounts(summary);
            String gpuResource = gpuResource(gpuCounts);
            if (gpuResource != null) {
                gpus = gpuCounts.get(gpuResource);
            }
            traits = SchedulingReader.read(cluster, gpuResource, gpuCounts);
            if (Json.at(summary, "allocatable", "pods") != null) {
                traits = traits.withFreePods(Quantities.nonNegativeLong(free(summary, "pods")));
            }
        } catch (RuntimeException malformed) {
            LOG.log(
                    Level.WARNING,
                    "Karmada Cluster ({0}) has a malformed status.resourceSummary ({1}); " + "reporting zero capacity.",
                    name,
                    malformed.getMessage());
            cpu = 0;
            memory = 0;
            gpus = 0;
            traits = new SchedulingTraits(0, 0, SchedulingReader.taints(cluster), null, SchedulingReader.apis(cluster));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Json.map(cluster, "metadata", "labels").forEach((k, v) -> {
            if (v != null) {
                labels.put(k, v.toString());
            }
        });
        return new ClusterInfo(name, ready(cluster), cpu, memory, gpus, labels, null, null, traits);
    }

    /**
     * Karmada sets the condition {@code type: Ready, reason: ClusterReady}; the original SMO matched on the
     * reason. Either is accepted; the status must be {@code True}.
     */
    static boolean ready(Map<String, Object> cluster) {
        for (Object condition : Json.list(cluster, "status", "conditions")) {
            boolean readyCondition = "Ready".equals(Json.string(condition, "type"))
                    || "ClusterReady".equals(Json.string(condition, "reason"));
            if (readyCondition) {
                return "True".equalsIgnoreCase(Json.string(condition, "status"));
            }
        }
        return false;
    }

    /** allocatable − allocated − allocating of one resource, in its base unit. */
    private static BigDecimal free(Map<String, Object> summary, String resource) {
        return Quantities.parse(Json.at(summary, "allocatable", resource))
                .subtract(Quantities.parse(Json.at(summary, "allocated", resource)))
                .subtract(Quantities.parse(Json.at(summary, "allocating", resource)));
    }

    /** Free GPUs of each whole-device resource the cluster has, in {@link #GPU_RESOURCES} order. */
    private static Map<String, Integer> gpuCounts(Map<String, Object> summary) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String resource : GPU_RESOURCES) {
            if (Json.at(summary, "allocatable", resource) != null) {
                counts.put(resource, (int)
                        Math.min(Integer.MAX_VALUE, Quantities.nonNegativeLong(free(summary, resource))));
            }
        }
        return counts;
    }

    /**
     * A pod takes GPUs of one vendor only, so the cluster's GPUs are those of the resource with the most free
     * (the first in {@link #GPU_RESOURCES} on a tie); {@code null} when it has none.
     */
    private static String gpuResource(Map<String, Integer> counts) {
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
