package dev.smo.core.spi;

import dev.smo.core.ClusterInfo;
import dev.smo.core.GraphEvent;
import dev.smo.core.StoredGraph;
import java.util.List;
import java.util.Optional;

/**
 * Keeps graphs, their services, their event logs and the last cluster snapshot.
 *
 * <p>Every write is one transaction. Updates are optimistic: the caller passes the graph it read, and the write
 * fails with {@link dev.smo.core.ConcurrentUpdateException} when someone else stored a newer version meanwhile.
 * Several replicas may share one store: writes are safe across processes, and {@link #as(Writer)} fences the
 * leader's background writes.
 */
public interface GraphStore {

    /**
     * Stores a new graph with version 1, together with its first events.
     *
     * @param graph the graph, whose {@code version} is ignored
     * @param events events to append in the same transaction
     * @return the stored graph (version 1, timestamps set)
     * @throws dev.smo.core.GraphAlreadyExistsException when a graph of that name exists
     */
    StoredGraph insert(StoredGraph graph, List<GraphEvent> events);

    /**
     * Replaces a graph and its services, together with new events.
     *
     * @param graph the new state; its {@code version} must be the version that was read
     * @param events events to append in the same transaction
     * @return the stored graph, with its version incremented
     * @throws dev.smo.core.GraphNotFoundException when the graph does not exist
     * @throws dev.smo.core.ConcurrentUpdateException when the stored version differs from {@code graph.version()}
     */
    StoredGraph update(StoredGraph graph, List<GraphEvent> events);

    /**
     * Deletes a graph and its services; its event log is kept, with the given events appended.
     *
     * @param name the graph name
     * @param version the version that was read
     * @param events events to append in the same transaction
     * @throws dev.smo.core.GraphNotFoundException when the graph does not exist
     * @throws dev.smo.core.ConcurrentUpdateException when the stored version differs
     */
    void delete(String name, long version, List<GraphEvent> events);

    /**
     * @param name the graph name
     * @return the graph, or empty
     */
    Optional<StoredGraph> find(String name);

    /**
     * @param project a project, or {@code null} for all projects
     * @return the graphs, ordered by name
     */
    List<StoredGraph> list(String project);

    /**
     * The demand of every placed service (one with a cluster), summed per cluster, service status and whether the
     * service belongs to {@code graph}: what a capacity check needs, without reading every graph.
     *
     * @param graph the graph whose own services are told apart ({@code own})
     * @return the sums, in no particular order; none for a cluster without placed services
     */
    List<PlacedDemand> demand(String graph);

    /**
     * @return graphs in a transitional status or with services in one: the work a restart must finish
     */
    List<StoredGraph> unsettled();

    /**
     * The unsettled graphs with the replica that wrote each last, so the leader takes over only the work of
     * replicas that stopped. A store of one process knows no replicas: every graph comes with no worker.
     *
     * @return graphs in a transitional status or with services in one, ordered by name
     */
    default List<UnsettledWork> unsettledWork() {
        return unsettled().stream().map(g -> new UnsettledWork(g, null, false)).toList();
    }

    /**
     * A view of this store whose writes carry the writer: its replica is recorded with each graph written, and
     * with an epoch every write is refused with {@link dev.smo.core.LeadershipLostException} unless that epoch is
     * the current leader's, checked by the database in the write's own statement. A store of one process has no
     * other replica and returns itself.
     *
     * @param writer the replica, and the leader's epoch for background work
     * @return the view; reads are the same as this store's
     */
    default GraphStore as(Writer writer) {
        return this;
    }

    /**
     * @param graph the graph name
     * @return the graph's events in the order they were stored, also after the graph was deleted
     */
    List<GraphEvent> events(String graph);

    /**
     * Replaces the stored cluster snapshot.
     *
     * @param clusters the clusters as last read from the inventory
     */
    void replaceClusters(List<ClusterInfo> clusters);

    /** @return the last stored cluster snapshot, ordered by name */
    List<ClusterInfo> clusters();
}
