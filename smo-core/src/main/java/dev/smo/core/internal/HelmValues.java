package dev.smo.core.internal;

import dev.smo.core.ServiceDiscovery;
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
 * <p>SMO writes {@code clustersAffinity} (the placed cluster) and {@code serviceImportClusters} (the other clusters
 * whose services connect to it, de-duplicated; always empty with {@link ServiceDiscovery#LIGHTHOUSE}) into the
 * values root, or under {@code voChartOverwrite} for WOT virtual objects, like the original, and
 * {@code serviceEndpoints}: for each service it connects to, the host name to call from where it runs, unless the
 * user set that key. It adds {@code resources} and {@code replicaCount} only when the user did
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
     * @param discovery how clients find services on other clusters
     * @return service → the other clusters that must import it (the clusters of its clients, not its own),
     *         de-duplicated, in descriptor order; empty lists with {@link ServiceDiscovery#LIGHTHOUSE}, which imports
     *         by itself
     */
    static Map<String, List<String>> importClusters(
            HdaGraph graph, Map<String, String> placement, ServiceDiscovery discovery) {
        Map<String, Set<String>> imports = new LinkedHashMap<>();
        graph.services().forEach(s -> imports.put(s.id(), new LinkedHashSet<>()));
        if (discovery == ServiceDiscovery.KARMADA_MCS) {
            for (Service client : graph.services()) {
                String clientCluster = placement.get(client.id());
                if (clientCluster == null) {
                    continue;
                }
                for (String target : client.intent().connectionPoints()) {
                    if (imports.containsKey(target) && !clientCluster.equals(placement.get(target))) {
                        imports.get(target).add(clientCluster);
                    }
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        imports.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /**
     * The host names a service calls for its connection points, as the example charts name a Service after its
     * release (the service's id): {@code <target>.<namespace>.svc.cluster.local} on the same cluster, else
     * {@code derived-<target>.<namespace>.svc.cluster.local} (Karmada's ServiceImport controller) or
     * {@code <target>.<namespace>.svc.clusterset.local} (Lighthouse).
     *
     * @param client the calling service
     * @param graph the descriptor
     * @param placement service → cluster
     * @param namespace the graph's namespace (its project)
     * @param discovery how clients find services on other clusters
     * @return target id → host, in connection-point order; unplaced clients or targets are left out
     */
    static Map<String, String> endpoints(
            Service client,
            HdaGraph graph,
            Map<String, String> placement,
            String namespace,
            ServiceDiscovery discovery) {
        Map<String, String> out = new LinkedHashMap<>();
        String here = placement.get(client.id());
        if (here == null) {
            return out;
        }
        for (String target : client.intent().connectionPoints()) {
            String there = placement.get(target);
            if (there == null
                    || target.equals(client.id())
                    || graph.service(target).isEmpty()) {
                continue;
            }
            String host;
            if (there.equals(here)) {
                host = target + "." + namespace + ".svc.cluster.local";
            } else if (discovery == ServiceDiscovery.KARMADA_MCS) {
                host = "derived-" + target + "." + namespace + ".svc.cluster.local";
            } else {
                host = target + "." + namespace + ".svc.clusterset.local";
            }
            out.put(target, host);
        }
        return out;
    }

    /**
     * @param service the service
     * @param cluster its cluster
     * @param importClusters clusters that must import it
     * @param endpoints connection point → host name to call
     * @param resources its concrete resources per replica
     * @param replicas its replica count
     * @param gpuResource the GPU resource name of its cluster (e.g. {@code amd.com/gpu})
     * @return the complete values of its release
     */
    static Map<String, Object> compose(
            Service service,
            String cluster,
            List<String> importClusters,
            Map<String, String> endpoints,
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
        if (!endpoints.isEmpty() && !target.containsKey("serviceEndpoints")) {
            target.put("serviceEndpoints", new LinkedHashMap<>(endpoints));
        }
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
