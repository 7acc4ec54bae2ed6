package dev.smo.model.internal;

import dev.smo.model.ClusterSelector;
import dev.smo.model.ClusterTolerations;
import dev.smo.model.ClustersAffinity;
import dev.smo.model.Compute;
import dev.smo.model.HdaGraph;
import dev.smo.model.Intent;
import dev.smo.model.Latency;
import dev.smo.model.Service;
import dev.smo.model.Trigger;
import dev.smo.model.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The rules a graph must follow beyond types: ids, references between services, resources and artifacts. */
public final class GraphValidator {

    /** Helm's limit on release names, which service ids become. */
    static final int MAX_SERVICE_ID = 53;
    /** Kubernetes' limit on labels and namespace names, which graph ids become. */
    static final int MAX_GRAPH_ID = 63;

    private static final Pattern OCI_REFERENCE = Pattern.compile("(oci|https?)://[^\\s/]+(/\\S*)?");

    private final Set<String> levels;
    private final Function<String, Mark> locator;
    private final List<Violation> violations = new ArrayList<>();
    private String graphName;
    private List<String> ids;

    private GraphValidator(Set<String> levels, Function<String, Mark> locator) {
        this.levels = levels;
        this.locator = locator;
    }

    /**
     * @param levels the accepted abstract resource levels
     * @param locator the source position of a JSON pointer
     * @return every violation, in graph order
     */
    public static List<Violation> validate(HdaGraph graph, Set<String> levels, Function<String, Mark> locator) {
        GraphValidator validator = new GraphValidator(levels, locator);
        validator.graph(graph);
        return validator.violations;
    }

    private void graph(HdaGraph graph) {
        graphName = graph.id() == null ? "the graph" : "graph (" + graph.id() + ")";
        if (blank(graph.id())) {
            add("/hdaGraph/id", "The graph has no id.\nMaybe add id: my-graph under hdaGraph.");
        } else if (!Names.isDns1123Label(graph.id(), MAX_GRAPH_ID)) {
            add(
                    "/hdaGraph/id",
                    "Graph id (" + Text.oneLine(graph.id()) + ") is not a DNS-1123 label, which Kubernetes "
                            + "names built from it must be: lowercase letters, digits and '-', starting and ending with a letter "
                            + "or digit, at most " + MAX_GRAPH_ID + " characters." + rename(graph.id(), MAX_GRAPH_ID));
        }
        if (graph.services().isEmpty()) {
            add(
                    "/hdaGraph/services",
                    "Graph (" + graph.id() + ") has no services.\nMaybe add at least one service under services.");
        }
        Object useStatic = graph.hdaGraphIntent().get("useStaticPlacement");
        if (useStatic != null && !(useStatic instanceof Boolean)) {
            add(
                    "/hdaGraph/hdaGraphIntent/useStaticPlacement",
                    "Graph useStaticPlacement (" + Text.oneLine(String.valueOf(useStatic))
                            + ") is not a boolean.\nMaybe write useStaticPlacement: true or false.");
        }
        ids = graph.serviceIds();
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < graph.services().size(); i++) {
            Service service = graph.services().get(i);
            String path = "/hdaGraph/services/" + i;
            if (service.id() != null && firstUse.putIfAbsent(service.id(), i) != null) {
                add(
                        path + "/id",
                        "Service id (" + Text.oneLine(service.id()) + ") is used twice; the first use is service #"
                                + firstUse.get(service.id()) + ".\nMaybe rename one of them.");
            }
            service(service, path, i);
        }
    }

    /** The largest replica count a descriptor may set. */
    static final int MAX_REPLICAS = 1000;

    private void service(Service service, String path, int index) {
        String id = service.id();
        String subject = id == null ? "Service #" + index : "Service (" + id + ")";
        if (blank(id)) {
            add(path + "/id", subject + " has no id.\nMaybe add an id; it becomes the service's Helm release name.");
        } else if (!Names.isDns1123Label(id, MAX_SERVICE_ID)) {
            add(
                    path + "/id",
                    "Service id (" + Text.oneLine(id) + ") is not a DNS-1123 label, which a Helm release name "
                            + "must be: lowercase letters, digits and '-', starting and ending with a letter or digit, at most "
                            + MAX_SERVICE_ID + " characters (Helm's release name limit)." + rename(id, MAX_SERVICE_ID));
        }
        if (service.artifact() == null) {
            add(
                    path + "/artifact",
                    subject + " has no artifact.\nMaybe add artifact: {ociImage: oci://registry/project/chart}.");
        } else if (blank(service.artifact().ociImage())) {
            add(
                    path + "/artifact/ociImage",
                    subject + " has no artifact ociImage.\n" + "Maybe add ociImage: oci://registry/project/chart.");
        } else if (!OCI_REFERENCE.matcher(service.artifact().ociImage()).matches()) {
            String image = service.artifact().ociImage();
            add(
                    path + "/artifact/ociImage",
                    subject + " ociImage (" + Text.oneLine(image)
                            + ") is not an oci:// or http(s):// reference."
                            + (image.contains("://") || image.isBlank()
                                    ? ""
                                    : "\nMaybe write (oci://" + Text.oneLine(image.strip()) + ")."));
        }
        if (service.artifact() != null && service.artifact().valuesOverwrite() != null) {
            replicaCount(service.artifact().valuesOverwrite().get("replicaCount"), path, subject);
        }
        ClustersAffinity.of(service.artifact()).ifPresent(affinity -> clustersAffinity(affinity, path, subject));
        ClusterTolerations.of(service.artifact()).ifPresent(tolerations -> tolerations(tolerations, path, subject));
        ClusterSelector.of(service.artifact())
                .ifPresent(selector -> selector.labels().forEach((label, value) -> {
                    String at = path + "/artifact" + selector.pointer() + "/" + Text.escapePointer(label);
                    if (value instanceof List<?> list) {
                        if (list.isEmpty()) {
                            add(
                                    at,
                                    subject + " clusterLabels " + Text.oneLine(label)
                                            + " accepts no value (an empty list).\nMaybe list the values it accepts,"
                                            + " or remove it.");
                        }
                        for (int i = 0; i < list.size(); i++) {
                            if (!(list.get(i) instanceof String)) {
                                add(
                                        at + "/" + i,
                                        subject + " clusterLabels " + Text.oneLine(label) + " value ("
                                                + Text.oneLine(String.valueOf(list.get(i)))
                                                + ") is not a string.\nMaybe quote it: \""
                                                + Text.oneLine(String.valueOf(list.get(i))) + "\".");
                            }
                        }
                    } else if (!(value instanceof String)) {
                        add(
                                at,
                                subject + " clusterLabels " + Text.oneLine(label) + " ("
                                        + Text.oneLine(String.valueOf(value))
                                        + ") is not a string.\nMaybe quote it: " + Text.oneLine(label) + ": \""
                                        + Text.oneLine(String.valueOf(value)) + "\", or list the values it accepts.");
                    }
                }));
        String deployment = path + "/deployment";
        if (service.deployment().trigger() instanceof Trigger.Auto auto) {
            references(
                    auto.dependencies(), deployment + "/trigger/auto/dependencies", subject + " auto dependency", id);
        }
        intent(service.intent(), deployment + "/intent", subject, id);
    }

    private void intent(Intent intent, String path, String subject, String id) {
        Compute compute = intent.compute();
        resource("cpu", compute.cpu(), path + "/compute/cpu", subject);
        resource("ram", compute.ram(), path + "/compute/ram", subject);
        resource("storage", compute.storage(), path + "/compute/storage", subject);
        for (int i = 0; i < intent.connectionPoints().size(); i++) {
            String point = intent.connectionPoints().get(i);
            if (point.equals(id)) {
                add(
                        path + "/connectionPoints/" + i,
                        subject + " connectionPoint (" + Text.oneLine(point)
                                + ") names the service itself.\nMaybe remove it.");
            }
        }
        intent.scaling().ifPresent(scaling -> ScalingRules.check(scaling, path + "/scaling", subject, this::add));
        references(intent.connectionPoints(), path + "/connectionPoints", subject + " connectionPoint", id);
        references(intent.coLocation(), path + "/coLocation", subject + " coLocation", id);
        List<Latency> latencies = intent.network().latencies();
        for (int i = 0; i < latencies.size(); i++) {
            String itemPath = path + "/network/latencies/" + i + "/connectionPoint";
            String point = latencies.get(i).connectionPoint();
            if (blank(point)) {
                add(
                        itemPath,
                        subject + " latency #" + i + " has no connectionPoint.\nMaybe name the service it applies to.");
            } else {
                reference(point, itemPath, subject + " latency connectionPoint", id);
            }
        }
    }

    /** A replica count the user sets in the Helm values reaches Kubernetes as is: a whole number in 0..1000. */
    private void replicaCount(Object value, String path, String subject) {
        if (value == null) {
            return;
        }
        boolean whole = value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
        if (!whole || ((Number) value).doubleValue() < 0 || ((Number) value).doubleValue() > MAX_REPLICAS) {
            add(
                    path + "/artifact/valuesOverwrite/replicaCount",
                    subject + " replicaCount (" + Text.oneLine(String.valueOf(value)) + ") is not a whole number in 0.."
                            + MAX_REPLICAS + ".\nMaybe write replicaCount: 1, or leave it out and let SMO scale.");
        }
    }

    /** Cluster names a static placement pins a service to: strings, as Karmada's cluster names are. */
    private void clustersAffinity(ClustersAffinity affinity, String path, String subject) {
        for (int i = 0; i < affinity.clusters().size(); i++) {
            Object name = affinity.clusters().get(i);
            if (!(name instanceof String text) || text.isBlank()) {
                add(
                        path + "/artifact" + affinity.pointer() + "/" + i,
                        subject + " clustersAffinity #" + i + " (" + Text.oneLine(String.valueOf(name))
                                + ") is not a cluster name.\nMaybe write the name of a member cluster, such as "
                                + "clustersAffinity: [cluster-1].");
            }
        }
    }

    /** Tolerations reach Karmada's PropagationPolicy as written, and placement matches taints against them. */
    private void tolerations(ClusterTolerations tolerations, String path, String subject) {
        for (int i = 0; i < tolerations.entries().size(); i++) {
            String problem =
                    ClusterTolerations.Toleration.problem(tolerations.entries().get(i));
            if (problem != null) {
                add(
                        path + "/artifact" + tolerations.pointer() + "/" + i,
                        subject + " clusterTolerations #" + i + " " + problem + ".");
            }
        }
    }

    private void references(List<String> names, String path, String what, String self) {
        for (int i = 0; i < names.size(); i++) {
            reference(names.get(i), path + "/" + i, what, self);
        }
    }

    private void reference(String name, String path, String what, String self) {
        if (!ids.contains(name)) {
            add(
                    path,
                    what + " (" + Text.oneLine(name) + ") names no service of " + graphName + "."
                            + Names.maybe(
                                    name,
                                    ids.stream()
                                            .filter(known -> known != null && !known.equals(self))
                                            .toList()));
        }
    }

    private void resource(String resource, String value, String path, String subject) {
        if (value != null) {
            ResourceSyntax.check(resource, value, levels, subject + " compute " + resource)
                    .ifPresent(message -> add(path, message));
        }
    }

    private static String rename(String name, int maxLength) {
        String label = Names.toDns1123Label(name, maxLength);
        return label.isEmpty() ? "" : "\nMaybe write (" + label + ").";
    }

    private void add(String path, String message) {
        Mark mark = locator.apply(path);
        violations.add(new Violation(path, mark.line(), mark.column(), message));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
