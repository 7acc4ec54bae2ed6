package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
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

    RemoveCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        print(
                out,
                client.delete("/graphs/" + ServerClient.segment(name)),
                (answer, o) -> o.println(answer.path("message").asText()));
        return ExitCodes.OK;
    }
}
