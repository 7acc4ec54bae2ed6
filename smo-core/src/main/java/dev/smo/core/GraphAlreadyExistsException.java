package dev.smo.core;

import dev.smo.common.SmoException;

/** A graph of that name already exists. */
public class GraphAlreadyExistsException extends SmoException {

    private static final long serialVersionUID = 1L;

    private final String graph;

    /** @param graph the graph name */
    public GraphAlreadyExistsException(String graph) {
        super("Graph (" + graph + ") already exists.\nMaybe remove it first, or deploy under another hdaGraph.id.");
        this.graph = graph;
    }

    /** @return the graph name */
    public String graph() {
        return graph;
    }
}
