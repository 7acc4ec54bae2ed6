package dev.smo.persistence.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.core.ConcurrentUpdateException;
import dev.smo.core.GraphAlreadyExistsException;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphNotFoundException;
import dev.smo.core.GraphStatus;
import dev.smo.core.LeadershipLostException;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.PlacedDemand;
import dev.smo.core.spi.UnsettledWork;
import dev.smo.core.spi.Writer;
import dev.smo.persistence.UnableToAccessDatabaseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The graph repository on Jdbi. Writes run at READ COMMITTED and rely on the version column: a second writer of
 * the same version blocks on the row, then finds the version changed and matches no row. Every read is one
 * statement outside a transaction (a graph joined with its services), so it comes from one snapshot, takes no
 * lock a writer waits for, and costs one round trip.
 */
public final class DefaultPostgresGraphStore implements GraphStore {

    /** Graphs with work outstanding: a transitional status, or a service in one. Enum names are safe literals. */
    private static final String UNSETTLED = "graphs.id IN (SELECT id FROM graphs WHERE status NOT IN ("
            + settled(GraphStatus.values()) + ") UNION SELECT graph_id FROM services WHERE status NOT IN ("
            + settled(ServiceStatus.values()) + "))";

    private final Jdbi jdbi;
    private final Clock clock;
    /** Who writes through this view; {@code null} for the store itself (no replica recorded, no fence). */
    private final Writer writer;

    public DefaultPostgresGraphStore(DataSource dataSource, Clock clock) {
        this(Jdbi.create(dataSource), clock, null);
    }

    private DefaultPostgresGraphStore(Jdbi jdbi, Clock clock, Writer writer) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.writer = writer;
    }

    @Override
    public GraphStore as(Writer writer) {
        return new DefaultPostgresGraphStore(jdbi, clock, Objects.requireNonNull(writer, "writer"));
    }

    @Override
    public StoredGraph insert(StoredGraph graph, List<GraphEvent> events) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(events, "events");
        ServiceRows.checkUniqueNames(graph.name(), graph.services());
        Instant now = now();
        return write("insert graph", graph.name(), h -> {
            if (!GraphRows.insert(h, graph, events, now, writer)) {
                fenced(h, "record graph (" + graph.name() + ")");
                throw new GraphAlreadyExistsException(graph.name());
            }
            return GraphRows.copy(graph, 1, now, now);
        });
    }

    @Override
    public StoredGraph update(StoredGraph graph, List<GraphEvent> events) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(events, "events");
        ServiceRows.checkUniqueNames(graph.name(), graph.services());
        Instant now = now();
        return write("update graph", graph.name(), h -> {
            GraphRows.Stamp stamp = GraphRows.update(h, graph, events, now, writer)
                    .orElseThrow(() -> conflict(h, graph.name(), graph.version()));
            return GraphRows.copy(graph, stamp.version(), stamp.createdAt(), now);
        });
    }

    @Override
    public void delete(String name, long version, List<GraphEvent> events) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(events, "events");
        write("delete graph", name, h -> {
            if (!GraphRows.delete(h, name, version, events, writer)) {
                throw conflict(h, name, version);
            }
            return null;
        });
    }

    @Override
    public Optional<StoredGraph> find(String name) {
        Objects.requireNonNull(name, "name");
        return read(
                "read graph (" + name + ")",
                h -> GraphRows.select(h, "graphs.name = :name", q -> q.bind("name", name)).stream()
                        .findFirst());
    }

    @Override
    public List<StoredGraph> list(String project) {
        if (project == null) {
            return read("list graphs", h -> GraphRows.select(h, "TRUE", q -> {}));
        }
        return read(
                "list graphs of project (" + project + ")",
                h -> GraphRows.select(h, "graphs.project = :project", q -> q.bind("project", project)));
    }

    @Override
    public List<PlacedDemand> demand(String graph) {
        Objects.requireNonNull(graph, "graph");
        return read("read the demand of placed services", h -> ServiceRows.demand(h, graph));
    }

    @Override
    public List<StoredGraph> unsettled() {
        return read("list unsettled graphs", h -> GraphRows.select(h, UNSETTLED, q -> {}));
    }

    @Override
    public List<UnsettledWork> unsettledWork() {
        return read("list unsettled graphs and their workers", h -> {
            Map<String, GraphRows.Worker> workers = GraphRows.workers(h, UNSETTLED);
            return GraphRows.select(h, UNSETTLED, q -> {}).stream()
                    .map(g -> {
                        GraphRows.Worker w = workers.get(g.name());
                        return w == null
                                ? new UnsettledWork(g, null, false)
                                : new UnsettledWork(g, w.replica(), w.alive());
                    })
                    .toList();
        });
    }

    @Override
    public List<GraphEvent> events(String graph) {
        Objects.requireNonNull(graph, "graph");
        return read("read the events of graph (" + graph + ")", h -> EventRows.of(h, graph));
    }

    @Override
    public void replaceClusters(List<ClusterInfo> clusters) {
        Objects.requireNonNull(clusters, "clusters");
        Set<String> names = new HashSet<>();
        for (ClusterInfo c : clusters) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("Cluster snapshot names cluster (" + c.name() + ") twice.");
            }
        }
        List<ClusterInfo> sorted = clusters.stream()
                .sorted(java.util.Comparator.comparing(ClusterInfo::name))
                .toList();
        if (read("read the cluster snapshot", ClusterRows::all).equals(sorted)) {
            return; // unchanged: no write, so no commit to wait for (a deploy reads the inventory each time)
        }
        Instant now = now();
        run(
                "replace the cluster snapshot",
                () -> jdbi.inTransaction(h -> {
                    ClusterRows.replace(h, clusters, now);
                    return null;
                }));
    }

    @Override
    public List<ClusterInfo> clusters() {
        return read("read the cluster snapshot", ClusterRows::all);
    }

    /** Throws when this view's writes carry an epoch that is no longer the lease's current one. */
    private void fenced(Handle h, String what) {
        if (writer != null
                && writer.epoch().isPresent()
                && !LeaseRows.holds(
                        h,
                        DefaultPostgresLeadership.LEASE,
                        writer.replica(),
                        writer.epoch().getAsLong())) {
            throw new LeadershipLostException(
                    writer.replica(), what + " (epoch " + writer.epoch().getAsLong() + " is over)");
        }
    }

    private RuntimeException conflict(Handle h, String name, long expected) {
        fenced(h, "write graph (" + name + ")");
        return GraphRows.version(h, name)
                .<RuntimeException>map(actual -> new ConcurrentUpdateException(name, expected, actual))
                .orElseGet(() -> new GraphNotFoundException(name));
    }

    /** A graph write is one statement (graph, services and events), atomic without a transaction around it. */
    private <R> R write(String action, String graph, HandleCallback<R, RuntimeException> callback) {
        return run(action + " (" + graph + ")", () -> jdbi.withHandle(callback));
    }

    private <R> R read(String action, HandleCallback<R, RuntimeException> callback) {
        return run(action, () -> jdbi.withHandle(callback));
    }

    private static <R> R run(String action, java.util.function.Supplier<R> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw new UnableToAccessDatabaseException(
                    "PostgreSQL failed to " + action + ": " + Exceptions.rootMessage(e), e);
        }
    }

    private Instant now() {
        return Sql.micros(clock.instant());
    }

    private static String settled(Enum<?>[] statuses) {
        return Arrays.stream(statuses)
                .filter(s -> s instanceof GraphStatus g ? g.isSettled() : ((ServiceStatus) s).isSettled())
                .map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
