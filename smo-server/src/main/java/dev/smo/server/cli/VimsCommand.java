package dev.smo.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smo vims list|register|delete|sync}: the OpenStack VIMs SMO registers with the NFVCL. */
@Command(
        name = "vims",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND",
        description = "Lists, registers, deletes and syncs the OpenStack VIMs SMO registers with the NFVCL.")
final class VimsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    static CommandLine commandLine(Map<String, String> env, InputStream in) {
        return new CommandLine(new VimsCommand())
                .addSubcommand(new ListVims(env))
                .addSubcommand(new RegisterVim(env, in))
                .addSubcommand(new DeleteVim(env))
                .addSubcommand(new SyncVims(env));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing COMMAND (list, register, delete or sync).");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists SMO's VIMs.")
    static final class ListVims extends AbstractClientCommand {

        @Option(names = "--pop-area", paramLabel = "AREA", description = "Only the VIMs of this pop area.")
        Integer popArea;

        ListVims(Map<String, String> env) {
            super(env);
        }

        @Override
        int exchange(ServerClient client, PrintWriter out) throws IOException {
            print(
                    out,
                    client.get("/vims/smo_vims" + (popArea == null ? "" : "?pop_area=" + popArea)),
                    NfvclPrinter::vims);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "register",
            mixinStandardHelpOptions = true,
            description = "Registers an OpenStack VIM and its management and service networks with the NFVCL. "
                    + "The password is read from a file or standard input, never from the command line.")
    static final class RegisterVim extends AbstractClientCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The VIM's name.")
        String name;

        @Option(names = "--pop-area", required = true, paramLabel = "AREA", description = "The pop area it serves.")
        int popArea;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "Keystone URL.")
        String url;

        @Option(names = "--user", required = true, paramLabel = "USER", description = "OpenStack user.")
        String user;

        @Option(
                names = "--password-file",
                required = true,
                paramLabel = "FILE",
                description = "File holding the OpenStack password; - reads standard input.")
        String passwordFile;

        @Option(
                names = "--mgmt-network",
                required = true,
                paramLabel = "NAME,CIDR,GATEWAY",
                description = "The management network, e.g. mgmt,10.0.0.0/24,10.0.0.1.")
        String mgmt;

        @Option(
                names = "--service-network",
                required = true,
                paramLabel = "NAME,CIDR,GATEWAY",
                description = "The service network.")
        String service;

        @Option(names = "--floating-ip", description = "Give VMs floating IPs.")
        boolean floatingIp;

        @Option(names = "--verify-tls", description = "Check Keystone's TLS certificate (the original never did).")
        boolean verifyTls;

        private final InputStream in;

        RegisterVim(Map<String, String> env, InputStream in) {
            super(env);
            this.in = in;
        }

        @Override
        int exchange(ServerClient client, PrintWriter out) throws IOException {
            String password = passwordFile.equals("-")
                    ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(passwordFile));
            ObjectNode body = JSON.createObjectNode()
                    .put("vim_name", name)
                    .put("pop_area", popArea)
                    .put("vim_url", url)
                    .put("vim_user", user)
                    .put("vim_password", password.strip())
                    .put("use_floating_ip", floatingIp)
                    .put("insecure", !verifyTls);
            body.set("mgmt_network", network("--mgmt-network", mgmt));
            body.set("service_network", network("--service-network", service));
            print(out, client.post("/vims/smo_vims", "application/json", body.toString()), NfvclPrinter::vims);
            return ExitCodes.OK;
        }

        private ObjectNode network(String option, String value) {
            String[] parts = value.split(",", -1);
            if (parts.length != 3) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), option + " (" + value + ") must be NAME,CIDR,GATEWAY.");
            }
            return JSON.createObjectNode()
                    .put("name", parts[0].strip())
                    .put("cidr", parts[1].strip())
                    .put("gateway", parts[2].strip());
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a VIM from the NFVCL and SMO.")
    static final class DeleteVim extends AbstractClientCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "SMO's id of the VIM.")
        long id;

        DeleteVim(Map<String, String> env) {
            super(env);
        }

        @Override
        int exchange(ServerClient client, PrintWriter out) throws IOException {
            print(out, client.delete("/vims/smo_vims/" + id), NfvclPrinter::vims);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "sync",
            mixinStandardHelpOptions = true,
            description = "Imports the NFVCL's VIMs SMO does not know, and registers again those the NFVCL lost.")
    static final class SyncVims extends AbstractClientCommand {

        SyncVims(Map<String, String> env) {
            super(env);
        }

        @Override
        int exchange(ServerClient client, PrintWriter out) throws IOException {
            print(out, client.get("/vims/sync/nfvcl_vims"), NfvclPrinter::vimSync);
            return ExitCodes.OK;
        }
    }
}
