package dev.smo.karmada.internal;

import dev.smo.core.ClusterInfo;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads one Karmada {@code Cluster} object (as a map) into a {@link ClusterInfo}, without CIDRs. Partial or
 * malformed statuses give a cluster that is not ready or has zero capacity, never an exception.
 */
final class ClusterStatusReader {

    private static final System.Logger LOG = System.getLogger(ClusterStatusReader.class.getName());

    /**
     * Extended resources counted as GPUs: {@code nvidia.com/gpu}, {@code amd.com/gpu} and any other
     * {@code <vendor>/gpu}, plus Intel's {@code gpu.intel.com/<model>} (e.g. {@code gpu.intel.com/i915}).
     */
    static final Predicate<String> GPU_RESOURCE = name -> name.endsWith("/gpu") || name.startsWith("gpu.intel.com/");

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
        try {
            cpu = Quantities.millis(free(summary, "cpu"));
            memory = Quantities.nonNegativeLong(free(summary, "memory"));
            gpus = (int) Math.min(Integer.MAX_VALUE, Quantities.nonNegativeLong(freeGpus(summary)));
        } catch (RuntimeException malformed) {
            LOG.log(
                    Level.WARNING,
                    "Karmada Cluster ({0}) has a malformed status.resourceSummary ({1}); " + "reporting zero capacity.",
                    name,
                    malformed.getMessage());
            cpu = 0;
            memory = 0;
            gpus = 0;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Json.map(cluster, "metadata", "labels").forEach((k, v) -> {
            if (v != null) {
                labels.put(k, v.toString());
            }
        });
        return new ClusterInfo(name, ready(cluster), cpu, memory, gpus, labels, null, null);
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

    private static BigDecimal freeGpus(Map<String, Object> summary) {
        BigDecimal total = BigDecimal.ZERO;
        for (String resource : Json.map(summary, "allocatable").keySet()) {
            if (GPU_RESOURCE.test(resource)) {
                BigDecimal free = free(summary, resource);
                total = total.add(free.signum() > 0 ? free : BigDecimal.ZERO);
            }
        }
        return total;
    }
}
