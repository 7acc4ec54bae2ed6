package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code smo stop NAME}: stops a running graph: uninstalls its releases and keeps the graph. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stops a running graph: uninstalls its releases and keeps the graph.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped",
            "1:the server refused the request (no such graph, ...)",
            "2:usage error",
            "3:server failure or not reachable"
        })
final class StopCommand extends AbstractClientCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The graph name (its hdaGraph id).")
    private String name;

    @Mixin
    private WaitOptions wait;

    StopCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        String graph = follow(client, client.post("/graphs/" + ServerClient.segment(name) + "/stop"), wait)
                .orElseThrow();
        print(out, graph, GraphPrinter::graph);
        return exitCodeOf(graph);
    }
}
