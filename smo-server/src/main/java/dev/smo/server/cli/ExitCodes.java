package dev.smo.server.cli;

/** The exit codes of every {@code smo} command. */
public final class ExitCodes {

    /** Success: for {@code validate}, every file is valid; for {@code plan}, a placement exists. */
    public static final int OK = 0;
    /** Invalid input, such as a descriptor with violations, or a 4xx answer of the server. */
    public static final int INVALID = 1;
    /** Usage error: unknown option, missing argument; also a configuration {@code serve} cannot start with. */
    public static final int USAGE = 2;
    /** {@code plan}: no placement exists (the explanation is printed). */
    public static final int INFEASIBLE = 2;
    /** {@code plan}: no placement found within the time limit, and none proven impossible. */
    public static final int NOT_PROVEN = 4;
    /** Internal failure, a 5xx answer of the server, or a server or registry that cannot be reached. */
    public static final int FAILURE = 3;

    private ExitCodes() {}
}
