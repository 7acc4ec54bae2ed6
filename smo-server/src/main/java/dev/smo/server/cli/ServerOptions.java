package dev.smo.server.cli;

import picocli.CommandLine.Option;

/** The options every client command shares: which server, which token, and JSON output. */
final class ServerOptions {

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "The SMO server; default: $SMO_URL, else " + ServerClient.DEFAULT_URL + ".")
    String server;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Bearer token for mutating requests; default: $SMO_API_TOKEN.")
    String token;

    @Option(names = "--json", description = "Print the server's JSON answer as it is.")
    boolean json;
}
