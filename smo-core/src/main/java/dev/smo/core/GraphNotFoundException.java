package dev.smo.core;

import dev.smo.common.SmoException;

/** No graph of that name exists. */
public class GraphNotFoundException extends SmoException {

    private static final long serialVersionUID = 1L;

    private final String graph;

    /** @param graph the graph name that was asked for */
    public GraphNotFoundException(String graph) {
        this(graph, "Graph (" + graph + ") not found.");
    }

    /**
     * @param graph the graph name that was asked for
     * @param message what was not found
     */
    protected GraphNotFoundException(String graph, String message) {
        super(message);
        this.graph = graph;
    }

    /** @return the graph name */
    public String graph() {
        return graph;
    }
}
