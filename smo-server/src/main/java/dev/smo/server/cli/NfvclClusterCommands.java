package dev.smo.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smo clusters create|delete|scale-out|sync}: Kubernetes clusters built by the NFVCL. */
final class NfvclClusterCommands {

    private NfvclClusterCommands() {}

    /** @return {@code smo clusters} (the member clusters) with the NFVCL subcommands */
    static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new ClustersCommand(env))
                .addSubcommand(new Create(env))
                .addSubcommand(new Delete(env))
                .addSubcommand(new ScaleOut(env))
                .addSubcommand(new Sync(env));
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Asks the NFVCL for a Kubernetes cluster on a VIM of a pop area; follow it with "
                    + "'smo clusters sync'.")
    static final class Create extends AbstractClientCommand {

        @Option(names = "--pop-area", required = true, paramLabel = "AREA", description = "The pop area.")
        int popArea;

        @Option(names = "--vim", required = true, paramLabel = "NAME", description = "The VIM to build it on.")
        String vim;

        @Option(names = "--workers", defaultValue = "1", paramLabel = "N", description = "Workers (default 1).")
        int workers;

        Create(Map<String, String> env) {
            super(env);
        }

        @Override
        int exchange(ServerClient client, PrintWriter out) throws IOException {
            ObjectNode body = JSON.createObjectNode()
                    .put("pop_area", popArea)
                    .put("vim_name", vim)
                    .put("workers", workers);
            print(out, client.post("/os_k8s/clusters", "application/json", body.toString()), NfvclPrinter::clusters);
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes an NFVCL cluster.")
    static final class Delete extends AbstractClientCommand {

        @Parameters(index = "0", paramLabel = "SMO_ID", description = "The cluster, e.g. OS_K8S_1_abcde.")
        String smoId;

        Delete(Map<String, String> env) {
            super(env);
        }

        @Override
        int exchange(ServerClient client, PrintWriter out) throws IOException {
            print(out, client.delete("/os_k8s/cluster/" + ServerClient.segment(smoId)), NfvclPrinter::clusters);
            return ExitCodes.OK;
        }
    }

    @Command(name = "scale-out", mixinStandardHelpOptions = true, description = "Adds workers to a ready cluster.")
    static final class ScaleOut extends AbstractClientCommand {

        @Parameters(index = "0", paramLabel = "SMO_ID", description = "The cluster.")
        String smoId;

        @Option(names = "--workers", defaultValue = "1", paramLabel = "N", description = "Workers to add (default 1).")
        int workers;

        ScaleOut(Map<String, String> env) {
            super(env);
        }

        @Override
        int exchange(ServerClient client, PrintWriter out) throws IOException {
            String body = JSON.createObjectNode().put("workers", workers).toString();
            print(
                    out,
                    client.post("/os_k8s/scale-out/" + ServerClient.segment(smoId), "application/json", body),
                    NfvclPrinter::clusters);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "sync",
            mixinStandardHelpOptions = true,
            description = "Brings SMO's NFVCL clusters in line with the NFVCL's blueprints, and lists them.")
    static final class Sync extends AbstractClientCommand {

        @Option(names = "--pop-area", paramLabel = "AREA", description = "Only this pop area.")
        Integer popArea;

        Sync(Map<String, String> env) {
            super(env);
        }

        @Override
        int exchange(ServerClient client, PrintWriter out) throws IOException {
            String query = popArea == null ? "" : "?pop_area=" + popArea;
            String sync = client.post("/os_k8s/sync/nfvcl_k8s" + query);
            if (options.json) {
                out.println(sync.strip());
                return ExitCodes.OK;
            }
            NfvclPrinter.clusterSync(JSON.readTree(sync), out);
            NfvclPrinter.clusters(JSON.readTree(client.get("/os_k8s/clusters" + query)), out);
            return ExitCodes.OK;
        }
    }
}
