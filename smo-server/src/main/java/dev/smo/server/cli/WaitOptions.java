package dev.smo.server.cli;

import picocli.CommandLine.Option;

/** Options of the commands that start asynchronous work: wait for it (the default) or return at once. */
final class WaitOptions {

    @Option(
            names = "--no-wait",
            description = "Return as soon as the server accepted the request (202), with the graph in its "
                    + "transitional state; by default the command waits until the graph settles.")
    boolean noWait;

    @Option(
            names = "--wait-timeout",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "How long to wait for the graph to settle (default ${DEFAULT-VALUE} s).")
    int timeoutSeconds;
}
