package dev.smo.karmada.internal;

import dev.smo.core.SchedulingTraits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what Karmada's scheduler checks besides total capacity from a {@code Cluster} object: its taints
 * ({@code spec.taints}), the APIs it serves ({@code status.apiEnablements}, for the APIEnablement filter) and the largest pod one node can still take, from the resource models
 * ({@code spec.resourceModels}) and how many nodes are in each grade ({@code status.resourceSummary
 * .allocatableModelings}, index-aligned with the models).
 *
 * <p>Karmada's general estimator (pkg/estimator/client/general.go) puts a replica on grade {@code i} only when
 * each requested resource's range minimum in that grade is at least the request, and only counts grades with nodes.
 * Grades are ascending (Karmada's webhook requires it), so the minimums of the highest grade that has a node are the
 * largest replica that fits on one node. When the models lack CPU or memory, or no modelings were collected, the
 * estimator falls back to the cluster totals: no per-node limit.
 */
final class SchedulingReader {

    private SchedulingReader() {}

    /**
     * @param cluster a {@code clusters.cluster.karmada.io} object
     * @param gpuResource the cluster's GPU resource name, or {@code null}
     * @param gpuCounts free GPUs per resource name
     * @return its traits
     * @throws RuntimeException when a model quantity is malformed
     */
    static SchedulingTraits read(Map<String, Object> cluster, String gpuResource, Map<String, Integer> gpuCounts) {
        long[] largest = largestPod(cluster);
        return new SchedulingTraits(largest[0], largest[1], taints(cluster), gpuResource, apis(cluster), gpuCounts);
    }

    /** @return {@code group/version/Kind} of every resource in {@code status.apiEnablements}, empty when none */
    static Set<String> apis(Map<String, Object> cluster) {
        Set<String> apis = new LinkedHashSet<>();
        for (Object enablement : Json.list(cluster, "status", "apiEnablements")) {
            String groupVersion = Json.string(enablement, "groupVersion");
            if (groupVersion == null) {
                continue;
            }
            for (Object resource : Json.list(enablement, "resources")) {
                String kind = Json.string(resource, "kind");
                if (kind != null) {
                    apis.add(groupVersion + "/" + kind);
                }
            }
        }
        return apis;
    }

    static List<SchedulingTraits.Taint> taints(Map<String, Object> cluster) {
        List<SchedulingTraits.Taint> taints = new ArrayList<>();
        for (Object t : Json.list(cluster, "spec", "taints")) {
            String key = Json.string(t, "key");
            String effect = Json.string(t, "effect");
            if (key != null && effect != null) {
                taints.add(new SchedulingTraits.Taint(key, Json.string(t, "value"), effect));
            }
        }
        return taints;
    }

    /** @return {largest CPU millis, largest memory bytes} of one pod on one node, MAX_VALUE when unknown */
    private static long[] largestPod(Map<String, Object> cluster) {
        long[] unknown = {Long.MAX_VALUE, Long.MAX_VALUE};
        List<?> models = Json.list(cluster, "spec", "resourceModels");
        List<?> modelings = Json.list(cluster, "status", "resourceSummary", "allocatableModelings");
        if (models.isEmpty() || modelings.isEmpty()) {
            return unknown;
        }
        int highest = -1;
        for (int i = 0; i < Math.min(models.size(), modelings.size()); i++) {
            if (Json.integer(modelings.get(i), 0, "count") > 0) {
                highest = i;
            }
        }
        if (highest < 0) {
            return new long[] {0, 0};
        }
        BigDecimal cpu = null;
        BigDecimal memory = null;
        for (Object range : Json.list(models.get(highest), "ranges")) {
            String name = Json.string(range, "name");
            if ("cpu".equals(name)) {
                cpu = Quantities.parse(Json.at(range, "min"));
            } else if ("memory".equals(name)) {
                memory = Quantities.parse(Json.at(range, "min"));
            }
        }
        if (cpu == null || memory == null) {
            return unknown;
        }
        return new long[] {Quantities.millis(cpu), Quantities.nonNegativeLong(memory)};
    }
}
