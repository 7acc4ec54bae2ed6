package dev.smo.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the smo command line in-process with captured output. */
record Cli(int exitCode, String out, String err) {

    static final Path EXAMPLES = Path.of("../smo-examples");

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SmoCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Cli(exitCode, out.toString(), err.toString());
    }

    static String example(String path) {
        return EXAMPLES.resolve(path).toString();
    }
}
