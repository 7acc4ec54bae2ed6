package dev.smo.core.internal;

import dev.smo.intent.ResourceRequest;
import dev.smo.model.HdaGraph;
import dev.smo.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Helm values of a service's release: the user's {@code valuesOverwrite} with SMO's placement values merged in.
 *
 * <p>SMO writes {@code clustersAffinity} (the placed cluster) and {@code serviceImportClusters} (the clusters of
 * the services that connect to it, de-duplicated) into the values root, or under {@code voChartOverwrite} for WOT
 * virtual objects, like the original. It adds {@code resources} and {@code replicaCount} only when the user did
 * not set them. GPUs are requested under the chosen cluster's own resource name ({@code amd.com/gpu} on an AMD
 * cluster), in {@code resources.limits} and in the charts' {@code gpu.resource} when the values have a {@code gpu}
 * map.
 */
final class HelmValues {

    static final String WOT = "WOT";

    private HelmValues() {}

    /**
     * @param graph the descriptor
     * @param placement service → cluster
     * @return service → clusters that must import it (the clusters of its clients), de-duplicated, in
     *         descriptor order
     */
    static Map<String, List<String>> importClusters(HdaGraph graph, Map<String, String> placement) {
        Map<String, Set<String>> imports = new LinkedHashMap<>();
        graph.services().forEach(s -> imports.put(s.id(), new LinkedHashSet<>()));
        for (Service client : graph.services()) {
            String clientCluster = placement.get(client.id());
            if (clientCluster == null) {
                continue;
            }
            for (String target : client.intent().connectionPoints()) {
                if (imports.containsKey(target)) {
                    imports.get(target).add(clientCluster);
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        imports.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /**
     * @param service the service
     * @param cluster its cluster
     * @param importClusters clusters that must import it
     * @param resources its concrete resources per replica
     * @param replicas its replica count
     * @param gpuResource the GPU resource name of its cluster (e.g. {@code amd.com/gpu})
     * @return the complete values of its release
     */
    static Map<String, Object> compose(
            Service service,
            String cluster,
            List<String> importClusters,
            ResourceRequest resources,
            int replicas,
            String gpuResource) {
        Map<String, Object> values = deepCopy(service.artifact().valuesOverwrite());
        Map<String, Object> target = values;
        if (isWot(service)) {
            target = childMap(values, "voChartOverwrite");
        }
        target.put("clustersAffinity", cluster == null ? List.of() : List.of(cluster));
        target.put("serviceImportClusters", List.copyOf(importClusters));
        if (!target.containsKey("resources")) {
            target.put("resources", resources(resources, gpuResource));
        }
        if (resources.gpus() > 0 && target.get("gpu") instanceof Map<?, ?>) {
            // The example charts' convention: gpu.resource names the extended resource added to the limits.
            childMap(target, "gpu").put("resource", gpuResource);
        }
        if (!target.containsKey("replicaCount")) {
            target.put("replicaCount", replicas);
        }
        return values;
    }

    static boolean isWot(Service service) {
        return service.artifact().ociConfig() != null
                && WOT.equalsIgnoreCase(service.artifact().ociConfig().implementer());
    }

    private static Map<String, Object> resources(ResourceRequest request, String gpuResource) {
        Map<String, String> quantities = request.toKubernetes();
        Map<String, Object> requests = new LinkedHashMap<>();
        Map<String, Object> limits = new LinkedHashMap<>();
        for (String key : List.of("cpu", "memory")) {
            if (quantities.containsKey(key)) {
                requests.put(key, quantities.get(key));
                limits.put(key, quantities.get(key));
            }
        }
        if (request.gpus() > 0) {
            limits.put(gpuResource, request.gpus());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", requests);
        out.put("limits", limits);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (child instanceof Map<?, ?> map) {
            Map<String, Object> copy = (Map<String, Object>) map;
            return copy;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, deepCopyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopyValue(v)));
            return copy;
        }
        return value;
    }
}
