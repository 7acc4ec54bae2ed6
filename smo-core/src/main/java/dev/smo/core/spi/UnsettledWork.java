package dev.smo.core.spi;

import dev.smo.core.StoredGraph;
import java.util.Objects;

/**
 * A graph with recorded work outstanding, and who recorded it last.
 *
 * @param graph the graph
 * @param worker the replica that wrote it last, or {@code null} when unknown (a store of one process)
 * @param workerAlive whether that replica's heartbeat is valid, by the store's clock
 */
public record UnsettledWork(StoredGraph graph, String worker, boolean workerAlive) {

    public UnsettledWork {
        Objects.requireNonNull(graph, "graph");
    }
}
