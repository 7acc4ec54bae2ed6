package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code smo get NAME}: shows a graph with its services: status, cluster, replicas and last error. */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = "Shows a graph with its services: status, cluster, replicas and last error.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:shown",
            "1:the server refused the request (no such graph, ...)",
            "2:usage error",
            "3:server failure or not reachable"
        })
final class GetCommand extends AbstractClientCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The graph name (its hdaGraph id).")
    private String name;

    GetCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        print(out, client.get("/graphs/" + ServerClient.segment(name)), GraphPrinter::graph);
        return ExitCodes.OK;
    }
}
