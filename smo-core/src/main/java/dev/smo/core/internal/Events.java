package dev.smo.core.internal;

import dev.smo.core.GraphEvent;
import dev.smo.core.StoredGraph;
import java.time.Clock;

/** Stamps graph events with one clock: the helper the orchestrator, the executor and the scaling loop share. */
final class Events {

    private final Clock clock;

    Events(Clock clock) {
        this.clock = clock;
    }

    /** An event about the whole graph. */
    GraphEvent of(String graph, String type, String message) {
        return GraphEvent.of(graph, null, clock.instant(), type, message);
    }

    /** An event about one service of the graph, or the whole graph when {@code service} is null. */
    GraphEvent of(StoredGraph graph, String service, String type, String message) {
        return GraphEvent.of(graph.name(), service, clock.instant(), type, message);
    }
}
