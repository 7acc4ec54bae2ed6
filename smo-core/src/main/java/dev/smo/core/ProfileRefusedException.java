package dev.smo.core;

import dev.smo.common.SmoException;

/** The metrics do not support a profile: too few samples, no traffic, one replica count, or a poor fit. */
public class ProfileRefusedException extends SmoException {

    private static final long serialVersionUID = 1L;

    private final String graph;
    private final String service;
    private final String reason;

    /**
     * @param graph the graph name
     * @param service the service id
     * @param reason the kind of refusal, such as {@code ONE_REPLICA_COUNT}
     * @param message why, with the numbers
     */
    public ProfileRefusedException(String graph, String service, String reason, String message) {
        super("No profile for service (" + service + ") of graph (" + graph + "): " + message);
        this.graph = graph;
        this.service = service;
        this.reason = reason;
    }

    /** @return the graph name */
    public String graph() {
        return graph;
    }

    /** @return the service id */
    public String service() {
        return service;
    }

    /** @return the kind of refusal: TOO_FEW_SAMPLES, NO_TRAFFIC, ONE_REPLICA_COUNT, NO_GAIN_PER_REPLICA, POOR_FIT */
    public String reason() {
        return reason;
    }
}
