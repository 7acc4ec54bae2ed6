package dev.smo.server.cli;

/** The exit codes of every {@code smo} command. */
public final class ExitCodes {

    /** Success: for {@code validate}, every file is valid. */
    public static final int OK = 0;
    /** Invalid input, such as a descriptor with violations. */
    public static final int INVALID = 1;
    /** Usage error: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** Internal failure. */
    public static final int FAILURE = 3;

    private ExitCodes() {
    }
}
