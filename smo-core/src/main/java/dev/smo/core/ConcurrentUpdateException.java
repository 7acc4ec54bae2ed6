package dev.smo.core;

import dev.smo.common.SmoException;

/** Someone else changed the graph between this request's read and its write. */
public class ConcurrentUpdateException extends SmoException {

    private static final long serialVersionUID = 1L;

    private final String graph;

    /**
     * @param graph the graph name
     * @param expected the version that was read
     * @param actual the version found in the store, or -1 when unknown
     */
    public ConcurrentUpdateException(String graph, long expected, long actual) {
        super("Graph (" + graph + ") was changed concurrently: expected version " + expected + ", found " + actual
                + ".\nMaybe read the graph again and retry.");
        this.graph = graph;
    }

    /**
     * @param graph the graph name
     * @param message the full message
     */
    protected ConcurrentUpdateException(String graph, String message) {
        super(message);
        this.graph = graph;
    }

    /** @return the graph name */
    public String graph() {
        return graph;
    }
}
