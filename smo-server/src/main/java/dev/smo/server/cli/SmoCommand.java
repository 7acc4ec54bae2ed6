package dev.smo.server.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smo} command. Subcommands are registered in {@link #commandLine()}, one class each: local ones
 * ({@code validate}, {@code translate}, {@code plan}), {@code serve}, {@code config check}, the clients of a running server
 * ({@code deploy}, {@code get}, {@code list}, {@code start}, {@code stop}, {@code remove}, {@code events},
 * {@code clusters}, {@code clusters create|delete|scale-out|sync}, {@code vims list|register|delete|sync}) and
 * {@code artifact push|pull}.
 *
 * <p>Exit codes: {@link ExitCodes#OK} 0, {@link ExitCodes#INVALID} 1 (invalid input, 4xx), {@link ExitCodes#USAGE} 2
 * (usage error; {@code plan}: infeasible), {@link ExitCodes#FAILURE} 3 (internal failure, 5xx, unreachable).
 */
@Command(
        name = "smo",
        mixinStandardHelpOptions = true,
        version = "smo 0.1.0",
        description = "Synergetic Meta-Orchestrator: validates, plans and runs Hyper-Distributed Application Graphs.",
        synopsisSubcommandLabel = "COMMAND")
public final class SmoCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the {@code smo} command line with every subcommand registered, reading the process environment
     */
    public static CommandLine commandLine() {
        return commandLine(System.getenv(), System.in);
    }

    /**
     * @param out where normal output goes
     * @param err where errors go
     * @return the command line writing to those streams
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return withStreams(commandLine(), out, err);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env, InputStream in) {
        return withStreams(commandLine(env, in), out, err);
    }

    static CommandLine commandLine(Map<String, String> env, InputStream in) {
        CommandLine commandLine = new CommandLine(new SmoCommand());
        for (Object subcommand : List.of(
                new ValidateCommand(),
                new TranslateCommand(),
                new PlanCommand(),
                new ServeCommand(env),
                ConfigCommand.commandLine(env),
                new DeployCommand(env),
                new GetCommand(env),
                new ListCommand(env),
                new StartCommand(env),
                new StopCommand(env),
                new PlaceCommand(env),
                new RemoveCommand(env),
                new EventsCommand(env),
                new ProfileCommand(env),
                NfvclClusterCommands.commandLine(env),
                VimsCommand.commandLine(env, in),
                ArtifactCommand.commandLine(env, in))) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("smo: " + exception.getMessage());
            line.getErr().flush();
            return exception instanceof dev.smo.server.config.ConfigException ? ExitCodes.USAGE : ExitCodes.FAILURE;
        });
    }

    private static CommandLine withStreams(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing COMMAND.");
    }
}
