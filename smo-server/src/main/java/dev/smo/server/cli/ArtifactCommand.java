package dev.smo.server.cli;

import dev.smo.karmada.artifact.ArtifactConfig;
import java.io.InputStream;
import java.net.ConnectException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smo artifact push|pull}: publishes and reads HDAG artifacts in OCI registries, without hdarctl. */
@Command(
        name = "artifact",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND",
        description = "Pushes HDAG artifacts to OCI registries and pulls them back, like hdarctl push and pull.")
final class ArtifactCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    static CommandLine commandLine(Map<String, String> env, InputStream in) {
        return new CommandLine(new ArtifactCommand())
                .addSubcommand(new ArtifactPushCommand(env, in))
                .addSubcommand(new ArtifactPullCommand(env));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing COMMAND (push or pull).");
    }

    /** Registry options shared by push and pull. */
    static final class RegistryOptions {

        @Option(
                names = "--plain-http",
                description = "Speak plain HTTP to the registry (default: "
                        + "$INSECURE_REGISTRY; http:// references always do).")
        Boolean plainHttp;

        ArtifactConfig config(Map<String, String> env) {
            boolean insecure = Optional.ofNullable(env.get("INSECURE_REGISTRY"))
                    .map(v -> v.strip().toLowerCase(Locale.ROOT))
                    .map(v -> v.equals("true") || v.equals("t") || v.equals("yes") || v.equals("1"))
                    .orElse(false);
            return ArtifactConfig.defaults().withPlainHttp(plainHttp != null ? plainHttp : insecure);
        }
    }

    /** @return the exit code of a failed registry call: 3 when the registry cannot be reached, else 1 */
    static int failureCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return ExitCodes.FAILURE;
            }
        }
        return ExitCodes.INVALID;
    }
}
