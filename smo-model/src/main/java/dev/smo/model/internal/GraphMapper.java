package dev.smo.model.internal;

import dev.smo.model.Artifact;
import dev.smo.model.Deployment;
import dev.smo.model.HdaGraph;
import dev.smo.model.OciConfig;
import dev.smo.model.OciRun;
import dev.smo.model.Service;
import dev.smo.model.internal.Node.ListNode;
import dev.smo.model.internal.Node.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps a {@link Node} tree to records, recording type violations in {@link Fields} instead of throwing. */
final class GraphMapper {

    private static final Set<String> GRAPH_FIELDS =
            Set.of("id", "version", "designer", "description", "imVersion", "hdaGraphIntent", "services");
    private static final Set<String> SERVICE_FIELDS = Set.of("id", "artifact", "deployment");
    private static final Set<String> ARTIFACT_FIELDS = Set.of("ociImage", "ociConfig", "ociRun", "valuesOverwrite");

    private final Fields fields;
    private final DeploymentMapper deployments;

    GraphMapper(Fields fields) {
        this.fields = fields;
        this.deployments = new DeploymentMapper(fields);
    }

    /** @return the graph, or null when the document has no usable {@code hdaGraph} */
    HdaGraph map(MapNode root) {
        root.entries().forEach((key, value) -> {
            if (!key.equals("hdaGraph")) {
                fields.add(
                        "/" + Text.escapePointer(key),
                        value.mark(),
                        "Top-level field (" + Text.oneLine(key)
                                + ") is not known; a descriptor holds one top-level field, hdaGraph."
                                + Names.maybe(key, List.of("hdaGraph"))
                                        .transform(
                                                maybe -> maybe.isEmpty() ? "\nMaybe move it under hdaGraph." : maybe));
            }
        });
        if (Fields.absent(root.get("hdaGraph"))) {
            fields.add(
                    "/hdaGraph",
                    root.mark(),
                    "The descriptor has no hdaGraph field.\n"
                            + "Maybe start it with hdaGraph: and the graph's id and services.");
            return null;
        }
        MapNode graph = fields.map(root, "hdaGraph", "/hdaGraph", "Field hdaGraph");
        return graph == null ? null : graph(graph);
    }

    private HdaGraph graph(MapNode graph) {
        String id = fields.identifier(graph, "id", "/hdaGraph/id", "Graph id");
        String subject = "Graph (" + id + ")";
        MapNode intent = fields.map(graph, "hdaGraphIntent", "/hdaGraph/hdaGraphIntent", subject + " hdaGraphIntent");
        ListNode list = fields.list(graph, "services", "/hdaGraph/services", subject + " services");
        List<Service> services = new ArrayList<>();
        if (list != null) {
            for (int i = 0; i < list.items().size(); i++) {
                String path = "/hdaGraph/services/" + i;
                Node item = list.items().get(i);
                if (item instanceof MapNode service) {
                    services.add(service(service, path, i));
                } else {
                    fields.typeError(item, path, "Service #" + i, "mapping");
                }
            }
        }
        return new HdaGraph(
                id,
                fields.text(graph, "version", "/hdaGraph/version", subject + " version"),
                fields.text(graph, "designer", "/hdaGraph/designer", subject + " designer"),
                fields.text(graph, "description", "/hdaGraph/description", subject + " description"),
                fields.text(graph, "imVersion", "/hdaGraph/imVersion", subject + " imVersion"),
                plainMap(intent),
                services,
                Fields.extensions(graph, GRAPH_FIELDS));
    }

    private Service service(MapNode service, String path, int index) {
        String id = fields.identifier(service, "id", path + "/id", "Service #" + index + " id");
        String subject = id == null ? "Service #" + index : "Service (" + id + ")";
        MapNode artifact = fields.map(service, "artifact", path + "/artifact", subject + " artifact");
        MapNode deployment = fields.map(service, "deployment", path + "/deployment", subject + " deployment");
        return new Service(
                id,
                artifact == null ? null : artifact(artifact, path + "/artifact", subject),
                deployment == null
                        ? Deployment.DEFAULT
                        : deployments.deployment(deployment, path + "/deployment", subject),
                Fields.extensions(service, SERVICE_FIELDS));
    }

    private Artifact artifact(MapNode artifact, String path, String subject) {
        MapNode config = fields.map(artifact, "ociConfig", path + "/ociConfig", subject + " ociConfig");
        MapNode run = fields.map(artifact, "ociRun", path + "/ociRun", subject + " ociRun");
        MapNode values =
                fields.map(artifact, "valuesOverwrite", path + "/valuesOverwrite", subject + " valuesOverwrite");
        return new Artifact(
                fields.text(artifact, "ociImage", path + "/ociImage", subject + " ociImage"),
                config == null
                        ? null
                        : new OciConfig(
                                fields.text(config, "type", path + "/ociConfig/type", subject + " ociConfig type"),
                                fields.text(
                                        config,
                                        "implementer",
                                        path + "/ociConfig/implementer",
                                        subject + " ociConfig implementer"),
                                Fields.extensions(config, Set.of("type", "implementer"))),
                run == null
                        ? null
                        : new OciRun(
                                fields.text(run, "name", path + "/ociRun/name", subject + " ociRun name"),
                                fields.text(run, "version", path + "/ociRun/version", subject + " ociRun version"),
                                Fields.extensions(run, Set.of("name", "version"))),
                plainMap(values),
                Fields.extensions(artifact, ARTIFACT_FIELDS));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plainMap(MapNode node) {
        return node == null ? Map.of() : (Map<String, Object>) Fields.plain(node);
    }
}
