package dev.smo.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Human-readable forms of the server's graph, event and cluster views (see {@code dev.smo.server.http.Views}). */
final class GraphPrinter {

    private GraphPrinter() {}

    static void graph(JsonNode graph, PrintWriter out) {
        out.println("Graph " + graph.path("name").asText() + ": "
                + graph.path("status").asText() + " (project "
                + graph.path("project").asText() + ")");
        Table table = new Table("SERVICE", "STATUS", "CLUSTER", "REPLICAS", "LAST ERROR");
        for (JsonNode s : graph.path("services")) {
            table.row(
                    s.path("name").asText(),
                    s.path("status").asText(),
                    text(s, "cluster_affinity"),
                    s.path("replicas").asInt(),
                    text(s, "lastError"));
        }
        table.print(out);
        if (graph.path("dryRun").asBoolean(false)) {
            out.println("Dry run: the server records releases without installing them on any cluster.");
        }
    }

    static void graphs(JsonNode graphs, String project, PrintWriter out) {
        if (graphs.isEmpty()) {
            out.println("No graphs in project " + project + ".");
            return;
        }
        Table table = new Table("NAME", "STATUS", "PROJECT", "SERVICES", "PLACEMENT");
        for (JsonNode g : graphs) {
            StringBuilder placement = new StringBuilder();
            g.path("placement")
                    .properties()
                    .forEach(e -> placement
                            .append(placement.isEmpty() ? "" : ", ")
                            .append(e.getKey())
                            .append('=')
                            .append(e.getValue().asText()));
            table.row(
                    g.path("name").asText(),
                    g.path("status").asText(),
                    g.path("project").asText(),
                    g.path("services").size(),
                    placement);
        }
        table.print(out);
    }

    static void events(JsonNode events, String graph, PrintWriter out) {
        if (events.isEmpty()) {
            out.println("No events for graph " + graph + ".");
            return;
        }
        Table table = new Table("AT", "TYPE", "SERVICE", "MESSAGE");
        for (JsonNode e : events) {
            table.row(
                    e.path("at").asText(),
                    e.path("type").asText(),
                    text(e, "service"),
                    e.path("message").asText().replace("\n", " "));
        }
        table.print(out);
    }

    static void clusters(JsonNode clusters, PrintWriter out) {
        if (clusters.isEmpty()) {
            out.println("No clusters.");
            return;
        }
        Table table = new Table("NAME", "READY", "CPU", "MEMORY", "GPUS", "LABELS");
        for (JsonNode c : clusters) {
            StringBuilder labels = new StringBuilder();
            c.path("labels")
                    .properties()
                    .forEach(e -> labels.append(labels.isEmpty() ? "" : ",")
                            .append(e.getKey())
                            .append('=')
                            .append(e.getValue().asText()));
            table.row(
                    c.path("name").asText(),
                    c.path("availability").asBoolean() ? "yes" : "no",
                    c.path("available_cpu").asText(),
                    c.path("available_ram").asText(),
                    c.path("gpus").asInt(),
                    labels);
        }
        table.print(out);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
