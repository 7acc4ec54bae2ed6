package dev.smo.server.cli;

import dev.smo.core.Orchestrator;
import dev.smo.core.Plan;
import dev.smo.core.PlanOptions;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.optimizer.placement.PlacementWeights;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smo plan GRAPH --clusters CLUSTERS [--current PLACEMENT]}: solves the placement in memory, against a
 * clusters file, and prints where each service would go and what the solver proved. Changes nothing anywhere.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Computes where each service of a graph would run on the clusters of a clusters file, with "
                    + "its replicas and resources, the objective terms and the solver's status, bound, nodes and time. "
                    + "Deploys nothing.",
            "",
            "A current placement file (--current) is YAML: placement: {SERVICE: CLUSTER, ...} with optional "
                    + "replicas: {SERVICE: N, ...}; a bare map SERVICE: CLUSTER is accepted too. It may be partial and "
                    + "may name clusters that are gone."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:a placement exists",
            "1:the descriptor, clusters or current placement file is invalid",
            "2:no placement exists (the explanation is printed), or usage error",
            "4:no placement found within the time or node limit, but none is proven impossible (try a longer"
                    + " --time-limit)"
        })
final class PlanCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    private ResourceTableOption resourceTable = new ResourceTableOption();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GRAPH", description = "The HDAG descriptor (YAML or JSON).")
    private Path graphFile;

    @Option(
            names = "--clusters",
            required = true,
            paramLabel = "CLUSTERS",
            description = "The clusters file: clusters: [{name, cpu, memory, gpus, ready, labels}, ...].")
    private Path clustersFile;

    @Option(
            names = "--current",
            paramLabel = "PLACEMENT",
            description = "Where the services run now; the plan then minimises moves away from it.")
    private Path currentFile;

    @Option(
            names = "--project",
            paramLabel = "P",
            defaultValue = "default",
            description = "The project (Kubernetes namespace); default: ${DEFAULT-VALUE}.")
    private String project;

    @Option(
            names = "--objective",
            paramLabel = "O",
            defaultValue = "lexicographic",
            description = "lexicographic (fewest moves first, then fewest cut edges, as the orchestrator re-places) or"
                    + " weighted (a move costs as much as 10 of cut edge weight); default: ${DEFAULT-VALUE}.")
    private Objective objective;

    @Option(
            names = "--move-cost",
            paramLabel = "N",
            description = "Weighted objective: the cost of moving a running service; default 10.")
    private Integer moveCost;

    @Option(
            names = "--edge-cut-cost",
            paramLabel = "N",
            description = "Weighted objective: the cost per unit of edge weight cut across clusters; default 1.")
    private Integer edgeCutCost;

    @Option(
            names = "--time-limit",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "The solver's time limit in seconds; default: ${DEFAULT-VALUE}.")
    private double timeLimit;

    @Option(
            names = "--node-limit",
            paramLabel = "N",
            description = "Stop the search after N nodes (default: no limit, the time limit binds); unlike the time"
                    + " limit it stops at the same point on any machine.")
    private Long nodeLimit;

    /** The objectives a plan can use. */
    enum Objective {
        weighted,
        lexicographic
    }

    @Option(names = "--json", description = "Print the plan as one JSON document instead.")
    private boolean json;

    private PlacementWeights weights() {
        boolean costs = moveCost != null || edgeCutCost != null;
        if (costs && objective != Objective.weighted) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--move-cost and --edge-cut-cost are the weighted objective's; add --objective weighted.");
        }
        for (Integer cost : new Integer[] {moveCost, edgeCutCost}) {
            if (cost != null && (cost < 0 || cost > 1_000_000)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "A cost (" + cost + ") must be a whole number from 0 to 1000000.");
            }
        }
        if (objective == Objective.lexicographic) {
            return PlacementWeights.lexicographic();
        }
        PlacementWeights base = PlacementWeights.DEFAULTS;
        return new PlacementWeights(
                moveCost == null ? base.moveCost() : moveCost,
                edgeCutCost == null ? base.edgeCutCost() : edgeCutCost,
                base.tieBreaker());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(timeLimit > 0 && timeLimit <= 3600)) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--time-limit (" + timeLimit + ") must be a number of seconds in (0, 3600].");
        }
        if (nodeLimit != null && nodeLimit < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--node-limit (" + nodeLimit + ") must be a whole number of at least 1.");
        }
        PlanOptions options = PlanOptions.DEFAULTS.withTimeLimit(Duration.ofMillis(Math.round(timeLimit * 1000)));
        if (nodeLimit != null) {
            options = options.withNodeLimit(nodeLimit);
        }
        options = options.withWeights(weights());
        String file = graphFile.toString();
        try {
            HdaGraph graph = Descriptors.parse(graphFile, resourceTable.parseOptions());
            file = clustersFile.toString();
            StaticClusterInventory inventory = StaticClusterInventory.fromFile(clustersFile);
            CurrentPlacement current = null;
            if (currentFile != null) {
                file = currentFile.toString();
                current = CurrentPlacement.read(currentFile, graph);
            }
            file = "--project " + project;
            Plan plan;
            try (Orchestrator smo = Orchestrator.builder()
                    .store(new InMemoryGraphStore())
                    .inventory(inventory)
                    .resourceTable(resourceTable.table())
                    .build()) {
                plan = current == null
                        ? smo.plan(project, graph, options)
                        : smo.plan(project, graph, current.placement(), current.replicas(), options);
            }
            if (json) {
                out.println(ValidateCommand.JSON.writeValueAsString(dev.smo.server.http.Views.plan(plan)));
            } else {
                PlanReport.print(out, plan);
            }
            out.flush();
            if (plan.feasible()) {
                return ExitCodes.OK;
            }
            return plan.proven() ? ExitCodes.INFEASIBLE : ExitCodes.NOT_PROVEN;
        } catch (InvalidDescriptorException e) {
            PrintWriter err = spec.commandLine().getErr();
            String where = file;
            e.violations().forEach(violation -> err.println(where + ":" + violation.format()));
            err.flush();
            return ExitCodes.INVALID;
        }
    }
}
