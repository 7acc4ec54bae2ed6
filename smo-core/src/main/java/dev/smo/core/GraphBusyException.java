package dev.smo.core;

/** The graph is in the middle of another lifecycle step; the request can be retried once that step ends. */
public class GraphBusyException extends ConcurrentUpdateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param graph the graph name
     * @param status its current, transitional status
     */
    public GraphBusyException(String graph, GraphStatus status) {
        super(graph, "Graph (" + graph + ") is busy (" + status.label() + ").\nMaybe retry once it is settled.");
    }
}
