package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smo list --project P}: the graphs of a project. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the graphs of a project with their status and placement.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed",
            "1:the server refused the request",
            "2:usage error",
            "3:server failure or not reachable"
        })
final class ListCommand extends AbstractClientCommand {

    @Option(names = "--project", required = true, paramLabel = "P", description = "The project (namespace).")
    private String project;

    ListCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        print(
                out,
                client.get("/project/" + ServerClient.segment(project) + "/graphs"),
                (graphs, o) -> GraphPrinter.graphs(graphs, project, o));
        return ExitCodes.OK;
    }
}
