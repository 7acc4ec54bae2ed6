package dev.smo.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smo deploy FILE|--artifact REF --project P}: places and deploys a graph on a running server. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = "Places and deploys a graph, from a descriptor file (sent as YAML) or an artifact in an OCI "
                + "registry, on a running SMO server.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:deployed",
            "1:the server refused the request (invalid descriptor, graph exists, ...)",
            "2:usage error",
            "3:server failure or not reachable"
        })
final class DeployCommand extends AbstractClientCommand {

    @ArgGroup(multiplicity = "1")
    private Source source;

    @Option(
            names = "--project",
            required = true,
            paramLabel = "P",
            description = "The project (Kubernetes namespace) to deploy into.")
    private String project;

    @Mixin
    private WaitOptions wait;

    /** Exactly one of a file or an artifact reference. */
    static final class Source {
        @Parameters(paramLabel = "FILE", description = "The HDAG descriptor (YAML or JSON).")
        Path file;

        @Option(
                names = "--artifact",
                paramLabel = "REF",
                description = "An HDAG artifact, e.g. oci://registry:5000/project/graph:1.0.0.")
        String artifact;
    }

    DeployCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        String path = "/project/" + ServerClient.segment(project) + "/graphs";
        String body;
        if (source.file != null) {
            String descriptor;
            try {
                descriptor = Files.readString(source.file);
            } catch (IOException e) {
                spec.commandLine()
                        .getErr()
                        .println("Descriptor file (" + source.file + ") "
                                + (e instanceof NoSuchFileException
                                        ? "does not exist."
                                        : "cannot be read: " + e + "."));
                return ExitCodes.INVALID;
            }
            body = client.post(path, "application/yaml", descriptor);
        } else {
            body = client.post(path, "application/json", JSON.writeValueAsString(Map.of("artifact", source.artifact)));
        }
        String graph = follow(client, body, wait).orElseThrow();
        print(out, graph, (g, o) -> {
            o.println((wait.noWait ? "Accepted graph " : "Deployed graph ")
                    + g.path("name").asText() + " into project " + project + ".");
            GraphPrinter.graph(g, o);
        });
        return exitCodeOf(graph);
    }
}
