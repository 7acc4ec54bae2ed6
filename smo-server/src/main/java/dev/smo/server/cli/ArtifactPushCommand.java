package dev.smo.server.cli;

import dev.smo.core.ArtifactException;
import dev.smo.karmada.artifact.ArtifactConfig;
import dev.smo.karmada.artifact.ArtifactReference;
import dev.smo.karmada.artifact.OciArtifacts;
import dev.smo.karmada.artifact.PushedArtifact;
import dev.smo.karmada.artifact.RegistryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smo artifact push SOURCE REF}: packs and pushes an HDAG artifact, like hdarctl package + push. */
@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        description = {
            "Pushes an HDAG artifact: a directory holding the descriptor (packed as a gzipped tar) or the "
                    + "descriptor file itself. Without a tag in REF the tag is the descriptor's hdaGraph.version.",
            "Prints the reference pushed to and the manifest digest."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:pushed",
            "1:the source holds no valid descriptor, or the registry refused it",
            "2:usage error",
            "3:the registry cannot be reached"
        })
final class ArtifactPushCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR|FILE", description = "The artifact's directory or descriptor file.")
    private Path source;

    @Parameters(
            index = "1",
            paramLabel = "REF",
            description = "Where to push, e.g. oci://127.0.0.1:5000/project/graph:1.0.0.")
    private String reference;

    @Mixin
    private ArtifactCommand.RegistryOptions registry;

    @Option(names = "--username", paramLabel = "U", description = "Registry user (default: $SMO_REGISTRY_USERNAME).")
    private String username;

    @Option(
            names = "--password-stdin",
            description = "Read the registry password from standard input " + "(default: $SMO_REGISTRY_PASSWORD).")
    private boolean passwordStdin;

    @Option(names = "--json", description = "Print {reference, digest} as JSON instead.")
    private boolean json;

    private final Map<String, String> env;
    private final InputStream in;

    ArtifactPushCommand(Map<String, String> env, InputStream in) {
        this.env = env;
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        ArtifactConfig config = registry.config(env);
        try {
            ArtifactReference ref = ArtifactReference.parse(reference);
            String user = username != null ? username : env.get("SMO_REGISTRY_USERNAME");
            if (user != null && !user.isBlank()) {
                config = config.withCredentials(ref.host(), RegistryCredentials.of(user, password()));
            } else if (passwordStdin) {
                throw new ParameterException(spec.commandLine(), "--password-stdin needs --username.");
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PushedArtifact pushed;
        try (OciArtifacts artifacts = OciArtifacts.create(config)) {
            pushed = artifacts.push(source, reference);
        } catch (ArtifactException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return ArtifactCommand.failureCode(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("reference", pushed.reference().toString());
            map.put("digest", pushed.digest());
            out.println(ValidateCommand.JSON.writeValueAsString(map));
        } else {
            out.println("Pushed " + pushed.reference());
            out.println("Digest: " + pushed.digest());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String password() throws IOException {
        if (passwordStdin) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        String password = env.get("SMO_REGISTRY_PASSWORD");
        if (password == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "A registry user needs a password.\n"
                            + "Maybe pipe it in: echo \"$PASSWORD\" | smo artifact push ... --username U --password-stdin.");
        }
        return password;
    }
}
