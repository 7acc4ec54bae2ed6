package dev.smo.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The graph state machine as one table: for every {@link Command} and every state (a {@link GraphStatus}, or
 * {@code null} for a graph that does not exist) whether the command applies, the transitional state recorded before
 * the work runs, the states the work can end in and the event that records the request. The orchestrator checks
 * every command here and the executor settles every transitional state here; the core README shows it as a diagram.
 */
public final class Lifecycle {

    /** Whether a command applies in a state. */
    public enum Verdict {
        /** The command runs. */
        ALLOWED,
        /** The command runs only when no work is running on the graph (a step left half done by a failure). */
        ALLOWED_WHEN_IDLE,
        /** Another step is under way (409, retry later). */
        BUSY,
        /** The command makes no sense in this state (409). */
        ILLEGAL,
        /** A graph of that name exists already (409). */
        EXISTS,
        /** No graph of that name (404). */
        NOT_FOUND
    }

    /**
     * One cell of the table.
     *
     * @param command the command
     * @param from the graph's state, {@code null} when the graph does not exist
     * @param verdict whether the command applies
     * @param via the transitional state recorded before the work runs ({@code null} unless allowed)
     * @param to the states the work can end in; empty when the graph is deleted ({@code null}-free)
     * @param event the type of the event recording the request ({@code null} unless allowed)
     */
    public record Cell(
            Command command, GraphStatus from, Verdict verdict, GraphStatus via, Set<GraphStatus> to, String event) {

        public Cell {
            to = to.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(to));
        }

        /** @return whether the command runs (possibly only when idle) */
        public boolean allowed() {
            return verdict == Verdict.ALLOWED || verdict == Verdict.ALLOWED_WHEN_IDLE;
        }
    }

    private static final Set<GraphStatus> RUN_OR_FAIL = EnumSet.of(GraphStatus.RUNNING, GraphStatus.FAILED);

    private Lifecycle() {}

    /**
     * @param command the command
     * @param from the graph's state, {@code null} when it does not exist
     * @return the cell
     */
    public static Cell cell(Command command, GraphStatus from) {
        if (from == null) {
            return command == Command.DEPLOY
                    ? allowed(command, null, GraphStatus.DEPLOYING, RUN_OR_FAIL, "DEPLOY_REQUESTED")
                    : refused(command, null, Verdict.NOT_FOUND);
        }
        if (command == Command.DEPLOY) {
            return refused(command, from, Verdict.EXISTS);
        }
        if (!from.isSettled()) {
            return command == Command.REMOVE
                    ? new Cell(
                            command,
                            from,
                            Verdict.ALLOWED_WHEN_IDLE,
                            GraphStatus.REMOVING,
                            Set.of(),
                            "REMOVE_REQUESTED")
                    : refused(command, from, Verdict.BUSY);
        }
        boolean stopped = from == GraphStatus.STOPPED;
        return switch (command) {
            case PLACE ->
                stopped
                        ? refused(command, from, Verdict.ILLEGAL)
                        : allowed(command, from, GraphStatus.REPLACING, RUN_OR_FAIL, "REPLACE_REQUESTED");
            case STOP ->
                stopped
                        ? refused(command, from, Verdict.ILLEGAL)
                        : allowed(command, from, GraphStatus.STOPPING, Set.of(GraphStatus.STOPPED), "STOP_REQUESTED");
            case START ->
                stopped
                        ? allowed(command, from, GraphStatus.STARTING, RUN_OR_FAIL, "START_REQUESTED")
                        : refused(command, from, Verdict.ILLEGAL);
            case ALERT ->
                stopped
                        ? refused(command, from, Verdict.ILLEGAL)
                        : allowed(command, from, GraphStatus.DEPLOYING, RUN_OR_FAIL, "ALERT_RECEIVED");
            case REMOVE -> allowed(command, from, GraphStatus.REMOVING, Set.of(), "REMOVE_REQUESTED");
            case DEPLOY -> throw new IllegalStateException("handled above");
        };
    }

    /** @return every cell: each command against {@code null} (absent) and every status */
    public static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Command c : Command.values()) {
            cells.add(cell(c, null));
            for (GraphStatus s : GraphStatus.values()) {
                cells.add(cell(c, s));
            }
        }
        return List.copyOf(cells);
    }

    /**
     * Checks a command against a graph's state.
     *
     * @param command the command
     * @param graph the graph name
     * @param from its state, {@code null} when it does not exist
     * @param idle whether no work is running on the graph in this process
     * @return the cell, when the command applies
     * @throws dev.smo.common.SmoException when it does not: a GraphNotFoundException, GraphAlreadyExistsException,
     *     GraphBusyException or IllegalTransitionException
     */
    public static Cell check(Command command, String graph, GraphStatus from, boolean idle) {
        Cell c = cell(command, from);
        switch (c.verdict()) {
            case ALLOWED -> {
                return c;
            }
            case ALLOWED_WHEN_IDLE -> {
                if (idle) {
                    return c;
                }
                throw new GraphBusyException(graph, from);
            }
            case BUSY -> throw new GraphBusyException(graph, from);
            case EXISTS -> throw new GraphAlreadyExistsException(graph);
            case NOT_FOUND -> throw new GraphNotFoundException(graph);
            case ILLEGAL -> throw new IllegalTransitionException(illegal(command, graph, from));
        }
        throw new IllegalStateException(c.toString());
    }

    /**
     * The state the executor leaves a graph in once the work of a transitional state is done.
     *
     * @param via the transitional state
     * @param anyServiceFailed whether a service ended {@code FAILED}
     * @return the final state, {@code null} when the graph is deleted
     */
    public static GraphStatus settle(GraphStatus via, boolean anyServiceFailed) {
        return switch (via) {
            case REMOVING -> null;
            case STOPPING -> GraphStatus.STOPPED;
            default -> anyServiceFailed ? GraphStatus.FAILED : GraphStatus.RUNNING;
        };
    }

    /**
     * @param via a transitional state
     * @return whether its work takes releases away (stop, remove) rather than installing them
     */
    public static boolean leaving(GraphStatus via) {
        return via == GraphStatus.STOPPING || via == GraphStatus.REMOVING;
    }

    /** @return the allowed transitions as a Mermaid state diagram, as the core README shows it */
    public static String mermaid() {
        Set<String> lines = new java.util.LinkedHashSet<>();
        for (Cell c : cells()) {
            if (c.verdict() != Verdict.ALLOWED) {
                continue;
            }
            String cmd = c.command().name().toLowerCase(Locale.ROOT);
            lines.add("    " + name(c.from()) + " --> " + c.via().label() + " : " + cmd);
            if (c.to().isEmpty()) {
                lines.add("    " + c.via().label() + " --> [*] : removed");
            }
            for (GraphStatus to : c.to()) {
                lines.add("    " + c.via().label() + " --> " + to.label() + " : " + outcome(to));
            }
        }
        for (GraphStatus s : GraphStatus.values()) {
            if (!s.isSettled()) {
                lines.add("    " + s.label() + " --> Removing : remove (when idle)");
            }
        }
        return "stateDiagram-v2\n" + lines.stream().collect(Collectors.joining("\n")) + "\n";
    }

    private static String name(GraphStatus s) {
        return s == null ? "[*]" : s.label();
    }

    private static String outcome(GraphStatus to) {
        return switch (to) {
            case FAILED -> "a service failed";
            case STOPPED -> "releases uninstalled";
            default -> "done";
        };
    }

    private static String illegal(Command command, String graph, GraphStatus from) {
        return switch (command) {
            case PLACE ->
                "Graph (" + graph + ") is stopped; nothing to re-place.\n"
                        + "Maybe start it: it is placed again on start.";
            case STOP -> "Graph (" + graph + ") is already stopped.";
            case START ->
                "Graph (" + graph + ") is " + from.label() + ", not Stopped; only a stopped graph can be started.";
            default ->
                "Graph (" + graph + ") is " + from.label() + "; "
                        + command.name().toLowerCase(Locale.ROOT) + " does not apply.";
        };
    }

    private static Cell allowed(Command c, GraphStatus from, GraphStatus via, Set<GraphStatus> to, String event) {
        return new Cell(c, from, Verdict.ALLOWED, via, to, event);
    }

    private static Cell refused(Command c, GraphStatus from, Verdict verdict) {
        return new Cell(c, from, verdict, null, Set.of(), null);
    }
}
