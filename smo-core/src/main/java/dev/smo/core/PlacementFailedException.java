package dev.smo.core;

import dev.smo.common.SmoException;
import dev.smo.optimizer.placement.PlacementResult;

/** No placement satisfies the graph's constraints on the clusters available; nothing was changed. */
public class PlacementFailedException extends SmoException {

    private static final long serialVersionUID = 1L;

    private final String graph;
    private final transient PlacementResult result;

    /**
     * @param graph the graph id
     * @param result the solver's result, with its explanation
     */
    public PlacementFailedException(String graph, PlacementResult result) {
        super("Graph (" + graph + ") cannot be placed: " + result.describe());
        this.graph = graph;
        this.result = result;
    }

    /** @return the graph id */
    public String graph() {
        return graph;
    }

    /** @return the solver's result */
    public PlacementResult result() {
        return result;
    }
}
