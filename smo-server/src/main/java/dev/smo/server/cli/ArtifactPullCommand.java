package dev.smo.server.cli;

import dev.smo.core.ArtifactException;
import dev.smo.karmada.artifact.OciArtifacts;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smo artifact pull REF}: prints the HDAG descriptor inside an artifact. */
@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        description = "Pulls an HDAG artifact and prints the descriptor inside it (what a deploy with --artifact "
                + "would use).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed",
            "1:no such artifact, or it holds no descriptor",
            "2:usage error",
            "3:the registry cannot be reached"
        })
final class ArtifactPullCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "REF",
            description = "The artifact, e.g. oci://127.0.0.1:5000/test/graph:1.0.0.")
    private String reference;

    @Mixin
    private ArtifactCommand.RegistryOptions registry;

    private final Map<String, String> env;

    ArtifactPullCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        String descriptor;
        try (OciArtifacts artifacts = OciArtifacts.create(registry.config(env))) {
            descriptor = artifacts.fetchDescriptor(reference);
        } catch (ArtifactException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return ArtifactCommand.failureCode(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(descriptor.endsWith("\n") ? descriptor : descriptor + "\n");
        out.flush();
        return ExitCodes.OK;
    }
}
