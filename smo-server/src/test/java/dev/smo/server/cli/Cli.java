package dev.smo.server.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the smo command line in-process with captured output. */
record Cli(int exitCode, String out, String err) {

    static final Path EXAMPLES = Path.of("../smo-examples");

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SmoCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Cli(exitCode, out.toString(), err.toString());
    }

    /** Runs with this environment instead of the process's, and an empty standard input. */
    static Cli runWith(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SmoCommand.commandLine(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        env,
                        new ByteArrayInputStream(new byte[0]))
                .execute(args);
        return new Cli(exitCode, out.toString(), err.toString());
    }

    static String example(String path) {
        return EXAMPLES.resolve(path).toString();
    }
}
