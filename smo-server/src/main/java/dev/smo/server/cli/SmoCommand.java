package dev.smo.server.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smo} command. Subcommands are registered in {@link #commandLine()}, one class each; later issues add
 * {@code plan}, {@code serve}, {@code deploy}, {@code get}, {@code list}, {@code start}, {@code stop},
 * {@code remove} and {@code artifact push} there.
 *
 * <p>Exit codes: {@link ExitCodes#OK} 0, {@link ExitCodes#INVALID} 1 (invalid input), {@link ExitCodes#USAGE} 2
 * (usage error), {@link ExitCodes#FAILURE} 3 (internal failure).
 */
@Command(name = "smo", mixinStandardHelpOptions = true, version = "smo 0.1.0",
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
     * @return the {@code smo} command line with every subcommand registered
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SmoCommand());
        for (Object subcommand : List.of(new ValidateCommand(), new TranslateCommand())) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine
                .setExecutionExceptionHandler((exception, line, parseResult) -> {
                    line.getErr().println("smo: " + exception.getMessage());
                    line.getErr().flush();
                    return ExitCodes.FAILURE;
                });
    }

    /**
     * @param out where normal output goes
     * @param err where errors go
     * @return the command line writing to those streams
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing COMMAND.");
    }
}
