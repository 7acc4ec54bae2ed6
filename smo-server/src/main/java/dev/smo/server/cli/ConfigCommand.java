package dev.smo.server.cli;

import dev.smo.server.config.ConfigReport;
import dev.smo.server.config.EnvironmentConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smo config check}: the configuration {@code smo serve} would start with, and why it would not. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Inspects SMO's configuration.")
final class ConfigCommand implements Runnable {

    /** @return {@code config} with {@code check} reading this environment */
    static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new ConfigCommand()).addSubcommand(new Check(env));
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code smo config check}. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Prints every setting with its effective value (secrets as ***) and where it came from "
                    + "(default, file, environment, a *_FILE), then every problem.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:usable", "2:problems (each is printed)"})
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "A YAML settings file, as for serve.")
        private Path configFile;

        private final Map<String, String> env;

        Check(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            ConfigReport report = EnvironmentConfig.check(env, Optional.ofNullable(configFile));
            PrintWriter out = spec.commandLine().getOut();
            Table table = new Table("SETTING", "VALUE", "FROM");
            report.lines().forEach(line -> table.row(line.name(), line.value(), line.origin()));
            table.print(out);
            out.flush();
            if (report.problems().isEmpty()) {
                return ExitCodes.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("SMO cannot start with this configuration:");
            report.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return ExitCodes.USAGE;
        }
    }
}
