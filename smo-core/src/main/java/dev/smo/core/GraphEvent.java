package dev.smo.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a graph's event log: what SMO did, when and why.
 *
 * @param id sequence number assigned by the store (0 before it is stored)
 * @param graph the graph name
 * @param service the service concerned, or {@code null} for the whole graph
 * @param at when it happened
 * @param type a short machine-readable kind, e.g. {@code DEPLOY_REQUESTED}, {@code RELEASE_INSTALLED}
 * @param message what happened and why, for a person
 */
public record GraphEvent(long id, String graph, String service, Instant at, String type, String message) {

    public GraphEvent {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A new, not yet stored event.
     *
     * @param graph the graph name
     * @param service the service concerned, or {@code null}
     * @param at when it happened
     * @param type the kind
     * @param message what happened and why
     * @return the event, with id 0
     */
    public static GraphEvent of(String graph, String service, Instant at, String type, String message) {
        return new GraphEvent(0, graph, service, at, type, message);
    }
}
