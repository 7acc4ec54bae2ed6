package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Hyper-Distributed Application Graph: the {@code hdaGraph} of a descriptor.
 *
 * <p>Records hold what was written; they are checked by {@link Descriptors#validate(HdaGraph)}, and
 * {@link Descriptors#parse(String)} returns only graphs that passed.
 *
 * @param id the graph's name, a DNS-1123 label; null only in an unvalidated graph
 * @param version the graph's version as written, such as {@code 1.0.0}; may be null
 * @param designer who designed the graph; may be null
 * @param description free text; may be null
 * @param imVersion the information-model version, such as {@code 0.4.0}; may be null
 * @param hdaGraphIntent graph-level intent (useStaticPlacement, security, ...), kept as written
 * @param services the services, in descriptor order
 * @param extensions unknown fields of {@code hdaGraph}, kept so that serialising writes them back
 */
public record HdaGraph(
        String id,
        String version,
        String designer,
        String description,
        String imVersion,
        Map<String, Object> hdaGraphIntent,
        List<Service> services,
        Map<String, Object> extensions) {

    /** Copies the collections; null collections become empty. */
    public HdaGraph {
        hdaGraphIntent = Values.freezeMap(hdaGraphIntent);
        services = services == null ? List.of() : List.copyOf(services);
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param id the graph's name
     * @param services the services, in order
     * @return a graph with no version, designer, description, graph intent or extensions
     */
    public static HdaGraph of(String id, List<Service> services) {
        return new HdaGraph(id, null, null, null, null, Map.of(), services, Map.of());
    }

    /**
     * @param serviceId a service id
     * @return the first service with that id, if any
     */
    public Optional<Service> service(String serviceId) {
        return services.stream()
                .filter(service -> serviceId.equals(service.id()))
                .findFirst();
    }

    /**
     * @return whether {@code hdaGraphIntent.useStaticPlacement} is {@code true}: services whose values name
     *     {@link ClustersAffinity clustersAffinity} are placed only on those clusters
     */
    public boolean useStaticPlacement() {
        return Boolean.TRUE.equals(hdaGraphIntent.get("useStaticPlacement"));
    }

    /**
     * @return the service ids, in descriptor order
     */
    public List<String> serviceIds() {
        return services.stream().map(Service::id).toList();
    }
}
