package dev.smo.core.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.model.ClustersAffinity;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Service;
import dev.smo.model.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code useStaticPlacement: true}: a service whose values name {@code clustersAffinity} is placed only on those
 * clusters, which must be member clusters and ready; the others are placed freely.
 */
final class StaticPlacement {

    private StaticPlacement() {}

    /**
     * @param graph the descriptor
     * @param clusters the member clusters
     * @return service id → the clusters it is pinned to; empty unless the graph asks for static placement
     * @throws InvalidDescriptorException naming every pinned cluster that is unknown or not ready
     */
    static Map<String, Set<String>> pins(HdaGraph graph, List<ClusterInfo> clusters) {
        if (!graph.useStaticPlacement()) {
            return Map.of();
        }
        Map<String, ClusterInfo> byName =
                clusters.stream().collect(Collectors.toMap(ClusterInfo::name, Function.identity(), (a, b) -> a));
        Map<String, Set<String>> pins = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < graph.services().size(); i++) {
            Service service = graph.services().get(i);
            Optional<ClustersAffinity> affinity = ClustersAffinity.of(service.artifact());
            if (affinity.isEmpty() || affinity.get().names().isEmpty()) {
                continue;
            }
            List<String> names = affinity.get().names();
            for (int k = 0; k < names.size(); k++) {
                String pointer =
                        "/hdaGraph/services/" + i + "/artifact" + affinity.get().pointer() + "/" + k;
                ClusterInfo cluster = byName.get(names.get(k));
                if (cluster == null) {
                    violations.add(Violation.of(
                            pointer,
                            "Service (" + service.id() + ") is pinned by useStaticPlacement to cluster (" + names.get(k)
                                    + "), which is not a member cluster; members: "
                                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))
                                    + ".\nMaybe name a member cluster, or set useStaticPlacement: false."));
                } else if (!cluster.ready()) {
                    violations.add(Violation.of(
                            pointer,
                            "Service (" + service.id() + ") is pinned by useStaticPlacement to cluster (" + names.get(k)
                                    + "), which is not ready.\nMaybe wait until it is, or name another cluster."));
                }
            }
            pins.put(service.id(), new LinkedHashSet<>(names));
        }
        if (!violations.isEmpty()) {
            throw new InvalidDescriptorException(violations);
        }
        return pins;
    }
}
