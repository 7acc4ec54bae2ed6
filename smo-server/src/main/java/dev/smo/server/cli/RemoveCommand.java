package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code smo remove NAME}: uninstalls a graph's releases, deletes its rules and dashboards, then the graph. */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = "Removes a graph: uninstalls its releases, deletes its rules and dashboards, then the graph.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:removed",
            "1:the server refused the request (no such graph, ...)",
            "2:usage error",
            "3:server failure or not reachable"
        })
final class RemoveCommand extends AbstractClientCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The graph name (its hdaGraph id).")
    private String name;

    @Mixin
    private WaitOptions wait;

    RemoveCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        String accepted = client.delete("/graphs/" + ServerClient.segment(name));
        Optional<String> left = follow(client, accepted, wait);
        if (left.isPresent() && wait.noWait) {
            print(out, left.get(), (graph, o) -> o.println("Removal of graph " + name + " accepted."));
            return ExitCodes.OK;
        }
        if (left.isPresent()) {
            print(out, left.get(), GraphPrinter::graph);
            return ExitCodes.FAILURE;
        }
        print(
                out,
                JSON.writeValueAsString(Map.of("message", "Removal of graph " + name + " successful")),
                (answer, o) -> o.println(answer.path("message").asText()));
        return ExitCodes.OK;
    }
}
