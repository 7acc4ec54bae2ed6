package dev.smo.server.cli;

import java.util.List;

/** A request to the server or a registry failed; carries the lines to print on stderr and the exit code. */
final class RequestFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final List<String> lines;

    RequestFailedException(int exitCode, List<String> lines) {
        super(String.join("\n", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    int exitCode() {
        return exitCode;
    }

    List<String> lines() {
        return lines;
    }
}
