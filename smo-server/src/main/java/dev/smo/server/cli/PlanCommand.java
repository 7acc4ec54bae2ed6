package dev.smo.server.cli;

import dev.smo.core.Orchestrator;
import dev.smo.core.Plan;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            "2:no placement exists (the explanation is printed), or usage error"
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

    @Option(names = "--json", description = "Print the plan as one JSON document instead.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
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
                        ? smo.plan(project, graph)
                        : smo.plan(project, graph, current.placement(), current.replicas());
            }
            if (json) {
                out.println(ValidateCommand.JSON.writeValueAsString(dev.smo.server.http.Views.plan(plan)));
            } else {
                PlanReport.print(out, plan);
            }
            out.flush();
            return plan.feasible() ? ExitCodes.OK : ExitCodes.INFEASIBLE;
        } catch (InvalidDescriptorException e) {
            PrintWriter err = spec.commandLine().getErr();
            String where = file;
            e.violations().forEach(violation -> err.println(where + ":" + violation.format()));
            err.flush();
            return ExitCodes.INVALID;
        }
    }
}
