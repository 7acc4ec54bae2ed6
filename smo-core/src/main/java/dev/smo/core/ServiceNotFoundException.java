package dev.smo.core;

/** The graph exists but has no service of that id. */
public class ServiceNotFoundException extends GraphNotFoundException {

    private static final long serialVersionUID = 1L;

    private final String service;

    /**
     * @param graph the graph name
     * @param service the service id that was asked for
     */
    public ServiceNotFoundException(String graph, String service) {
        super(graph, "Graph (" + graph + ") has no service (" + service + ").");
        this.service = service;
    }

    /** @return the service id */
    public String service() {
        return service;
    }
}
