package dev.smo.server.cli;

import java.util.List;

/** A request to the server or a registry failed; carries the lines to print on stderr and the exit code. */
final class RequestFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final List<String> lines;
    private final int status;

    RequestFailedException(int exitCode, List<String> lines) {
        this(exitCode, lines, 0);
    }

    RequestFailedException(int exitCode, List<String> lines, int status) {
        super(String.join("\n", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
        this.status = status;
    }

    /** @return the HTTP status of the answer, 0 when there was none */
    int status() {
        return status;
    }

    int exitCode() {
        return exitCode;
    }

    List<String> lines() {
        return lines;
    }
}
