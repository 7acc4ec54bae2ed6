package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code smo start NAME}: starts a stopped graph: reinstalls the services it ran before it was stopped. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Starts a stopped graph: reinstalls the services it ran before it was stopped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:started",
            "1:the server refused the request (no such graph, ...)",
            "2:usage error",
            "3:server failure or not reachable"
        })
final class StartCommand extends AbstractClientCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The graph name (its hdaGraph id).")
    private String name;

    @Mixin
    private WaitOptions wait;

    StartCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        String graph = follow(client, client.post("/graphs/" + ServerClient.segment(name) + "/start"), wait)
                .orElseThrow();
        print(out, graph, GraphPrinter::graph);
        return exitCodeOf(graph);
    }
}
