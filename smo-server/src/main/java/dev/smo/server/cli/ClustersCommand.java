package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code smo clusters}: the member clusters the server sees. */
@Command(
        name = "clusters",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "[COMMAND]",
        description = "Lists the member clusters, read again from the server's inventory, with their free capacity; "
                + "its subcommands manage the Kubernetes clusters the NFVCL builds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed",
            "1:the server refused the request",
            "2:usage error",
            "3:server or inventory failure, or server not reachable"
        })
final class ClustersCommand extends AbstractClientCommand {

    ClustersCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        print(out, client.get("/clusters"), GraphPrinter::clusters);
        return ExitCodes.OK;
    }
}
