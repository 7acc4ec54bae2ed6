package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code smo events NAME}: prints a graph's event log: what SMO did, when and why (kept after removal). */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Prints a graph's event log: what SMO did, when and why (kept after removal).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed",
            "1:the server refused the request (no such graph, ...)",
            "2:usage error",
            "3:server failure or not reachable"
        })
final class EventsCommand extends AbstractClientCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The graph name (its hdaGraph id).")
    private String name;

    EventsCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        print(
                out,
                client.get("/graphs/" + ServerClient.segment(name) + "/events"),
                (events, o) -> GraphPrinter.events(events, name, o));
        return ExitCodes.OK;
    }
}
