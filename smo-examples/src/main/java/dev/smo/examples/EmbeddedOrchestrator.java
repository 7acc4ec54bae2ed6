package dev.smo.examples;

import dev.smo.core.Alert;
import dev.smo.core.GraphEvent;
import dev.smo.core.Orchestrator;
import dev.smo.core.StoredGraph;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * SMO embedded in a JVM program, without a server, a database or a cluster: an in-memory store, the clusters of a
 * clusters file and a dry-run deployer. It deploys a graph, fires the alerts of its event-triggered services,
 * stops, starts and removes it, and prints what happened.
 *
 * <p>Run it with {@code ./mvnw -q -pl smo-examples exec:java -Dexec.mainClass=dev.smo.examples.EmbeddedOrchestrator}
 * from the repository root, or give a descriptor and a clusters file as arguments.
 */
public final class EmbeddedOrchestrator {

    private EmbeddedOrchestrator() {}

    /**
     * @param args optional descriptor path and clusters file path
     */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 2 ? args[2] : ".").toAbsolutePath();
        Path descriptor = args.length > 0 ? Path.of(args[0]) : examples(root).resolve("brussels-demo/hdag.yaml");
        Path clusters = args.length > 1 ? Path.of(args[1]) : examples(root).resolve("clusters.yaml");
        run(Descriptors.parse(descriptor), StaticClusterInventory.fromFile(clusters), System.out);
    }

    /**
     * Runs the lifecycle and prints it.
     *
     * @param graph the descriptor
     * @param inventory the clusters
     * @param out where to print
     * @return the releases the dry run recorded before removal
     */
    public static Map<String, ?> run(HdaGraph graph, StaticClusterInventory inventory, PrintStream out) {
        DryRunDeployer deployer = new DryRunDeployer();
        try (Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(inventory)
                .deployer(deployer)
                .build()) {
            StoredGraph g = smo.deploy("demo", graph);
            out.println("Deployed " + g.name() + ": " + g.status().label() + ", placement " + g.placement());
            g.services()
                    .forEach(s -> out.println("  " + s.name() + " " + s.status().label() + " on " + s.cluster()));
            for (var s : g.services()) {
                if (!s.alertRules().isEmpty()) {
                    var outcome = smo.handleAlerts(List.of(new Alert(
                            "firing",
                            Map.of("alertname", s.alertRules().get(0).alert(), "graph", g.name(), "service", s.name()),
                            Map.of(),
                            null)));
                    out.println("Alert for " + s.name() + ": " + outcome.get(0).action());
                }
            }
            Map<String, ?> releases = deployer.releases();
            out.println("Releases: " + releases.keySet());
            smo.stop(g.name());
            smo.start(g.name());
            smo.remove(g.name());
            out.println("Event log:");
            for (GraphEvent e : smo.events(g.name())) {
                out.println(
                        "  " + e.type() + (e.service() == null ? "" : " [" + e.service() + "]") + ": " + e.message());
            }
            return releases;
        }
    }

    private static Path examples(Path root) {
        Path inModule = root.resolve("brussels-demo");
        return inModule.toFile().isDirectory() ? root : root.resolve("smo-examples");
    }
}
