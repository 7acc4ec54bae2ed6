package dev.smo.persistence.internal;

import dev.smo.core.GraphEvent;
import dev.smo.core.GraphStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The graphs table: one row per graph, its services in {@link ServiceRows}. */
final class GraphRows {

    /** What a write returns: the row id, the new version and the creation time. */
    record Stamp(long id, long version, Instant createdAt) {}

    private static final String COLUMNS = "graphs.id, graphs.name, graphs.project, graphs.status, graphs.descriptor, "
            + "graphs.placement, graphs.dashboard_url, graphs.version, graphs.created_at, graphs.updated_at";

    private GraphRows() {}

    /**
     * Inserts the graph, its services and its events in one statement (so one round trip, atomic on its own).
     *
     * @return whether the graph was inserted; false when a graph of that name exists (then nothing is written)
     */
    static boolean insert(Handle h, StoredGraph g, List<GraphEvent> events, Instant now, Writer writer) {
        Query q = h.createQuery("WITH g AS (INSERT INTO graphs (name, project, status, descriptor, placement, "
                        + "dashboard_url, version, created_at, updated_at, worker) SELECT :name, :project, :status, "
                        + "CAST(:descriptor AS json), CAST(:placement AS json), :dashboardUrl, 1, :now, :now, :worker "
                        + "WHERE " + fence(writer) + " "
                        + "ON CONFLICT (name) DO NOTHING RETURNING id), "
                        + "s AS (INSERT INTO services " + ServiceRows.INSERT_COLUMNS + " " + ServiceRows.FROM_ARRAYS
                        + "), e AS (" + EventRows.INSERT_FROM_ARRAYS + ") SELECT id FROM g")
                .bindMap(columns(g, now));
        bindWriter(q, writer);
        ServiceRows.bindArrays(q, g.services());
        EventRows.bindArrays(q, events);
        return q.mapTo(Long.class).findOne().isPresent();
    }

    /**
     * Updates the graph when it has the graph's version, its changed services (rows past the new count deleted)
     * and appends its events, in one statement.
     *
     * @return the stamp, or empty when no graph of that name has the graph's version (then nothing is written)
     */
    static Optional<Stamp> update(Handle h, StoredGraph g, List<GraphEvent> events, Instant now, Writer writer) {
        Query q = h.createQuery("WITH g AS (UPDATE graphs SET project = :project, status = :status, "
                        + "descriptor = CAST(:descriptor AS json), placement = CAST(:placement AS json), "
                        + "dashboard_url = :dashboardUrl, version = version + 1, updated_at = :now, worker = :worker "
                        + "WHERE name = :name AND version = :version AND " + fence(writer)
                        + " RETURNING id, version, created_at), "
                        + "s AS (INSERT INTO services " + ServiceRows.INSERT_COLUMNS + " " + ServiceRows.FROM_ARRAYS
                        + " " + ServiceRows.ON_CONFLICT_UPDATE + "), "
                        + "d AS (DELETE FROM services USING g WHERE services.graph_id = g.id "
                        + "AND services.position >= :count), "
                        + "e AS (" + EventRows.INSERT_FROM_ARRAYS + ") SELECT id, version, created_at FROM g")
                .bindMap(columns(g, now))
                .bind("version", g.version())
                .bind("count", g.services().size());
        bindWriter(q, writer);
        ServiceRows.bindArrays(q, g.services());
        EventRows.bindArrays(q, events);
        return q.map((rs, ctx) -> new Stamp(rs.getLong("id"), rs.getLong("version"), Sql.instant(rs, "created_at")))
                .findOne();
    }

    /**
     * The condition that lets a write through: always for work a request started, and for the leader's work only
     * while its epoch is the lease's current one (checked by the database in the write's own statement).
     * Events are written only when the graph row is, so a refused write writes nothing.
     */
    private static String fence(Writer writer) {
        return writer != null && writer.epoch().isPresent() ? LeaseRows.FENCE : "TRUE";
    }

    private static void bindWriter(Query q, Writer writer) {
        q.bind("worker", writer == null ? null : writer.replica());
        if (writer != null && writer.epoch().isPresent()) {
            q.bind("fenceLease", DefaultPostgresLeadership.LEASE)
                    .bind("fenceHolder", writer.replica())
                    .bind("fenceEpoch", writer.epoch().getAsLong());
        }
    }

    /**
     * @param where a condition on the graphs table
     * @return for each graph matched, by name: the replica that wrote it last and whether its heartbeat is valid
     */
    static Map<String, Worker> workers(Handle h, String where) {
        Map<String, Worker> out = new HashMap<>();
        h.createQuery("SELECT graphs.name, graphs.worker, EXISTS (SELECT 1 FROM replicas r WHERE r.id = graphs.worker "
                        + "AND r.expires_at > now()) AS alive FROM graphs WHERE " + where)
                .map((rs, ctx) ->
                        out.put(rs.getString("name"), new Worker(rs.getString("worker"), rs.getBoolean("alive"))))
                .list();
        return out;
    }

    /** Who wrote a graph last, and whether that replica's heartbeat is valid. */
    record Worker(String replica, boolean alive) {}

    /** The values insert and update both write, by parameter name. */
    private static Map<String, Object> columns(StoredGraph g, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", g.name());
        values.put("project", g.project());
        values.put("status", g.status().name());
        values.put("descriptor", g.descriptor());
        values.put("placement", Json.write(g.placement()));
        values.put("dashboardUrl", g.dashboardUrl());
        values.put("now", Sql.timestamp(now));
        return values;
    }

    /**
     * Deletes the graph when it has that version (its services go with it) and appends the events, in one statement.
     *
     * @return whether a graph of that name had that version and is now deleted
     */
    static boolean delete(Handle h, String name, long version, List<GraphEvent> events, Writer writer) {
        Query q = h.createQuery("WITH g AS (DELETE FROM graphs WHERE name = :name AND version = :version AND "
                        + fence(writer) + " RETURNING id), e AS (" + EventRows.INSERT_FROM_ARRAYS
                        + ") SELECT count(*) FROM g")
                .bind("name", name)
                .bind("version", version);
        bindWriter(q, writer);
        EventRows.bindArrays(q, events);
        return q.mapTo(Long.class).one() == 1;
    }

    /** @return the stored version, or empty when there is no such graph */
    static Optional<Long> version(Handle h, String name) {
        return h.createQuery("SELECT version FROM graphs WHERE name = :name")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne();
    }

    /**
     * Reads graphs and their services in one statement (a LEFT JOIN), so the answer comes from one snapshot without
     * a transaction: one round trip, no isolation level to set and reset.
     *
     * @param where a condition on the graphs table ({@code graphs.} prefix available)
     * @return the matching graphs with their services, ordered by name
     */
    static List<StoredGraph> select(Handle h, String where, Consumer<Query> binder) {
        Query query =
                h.createQuery("SELECT " + COLUMNS + ", " + ServiceRows.COLUMNS + " FROM graphs LEFT JOIN services s "
                        + "ON s.graph_id = graphs.id WHERE " + where + " ORDER BY graphs.name, s.position");
        binder.accept(query);
        List<StoredGraph> graphs = new ArrayList<>();
        query.scanResultSet((supplier, ctx) -> {
            try (ResultSet rs = supplier.get()) {
                StoredGraph current = null;
                List<StoredService> services = new ArrayList<>();
                while (rs.next()) {
                    String name = rs.getString("name");
                    if (current == null || !current.name().equals(name)) {
                        if (current != null) {
                            graphs.add(withServices(current, services));
                        }
                        current = graph(rs);
                        services = new ArrayList<>();
                    }
                    if (rs.getObject("s_position") != null) {
                        services.add(ServiceRows.service(rs));
                    }
                }
                if (current != null) {
                    graphs.add(withServices(current, services));
                }
                return null;
            }
        });
        return graphs;
    }

    static StoredGraph copy(StoredGraph g, long version, Instant createdAt, Instant updatedAt) {
        return new StoredGraph(
                g.name(),
                g.project(),
                g.status(),
                g.descriptor(),
                g.placement(),
                g.dashboardUrl(),
                g.services(),
                version,
                createdAt,
                updatedAt);
    }

    private static StoredGraph withServices(StoredGraph g, List<StoredService> services) {
        return new StoredGraph(
                g.name(),
                g.project(),
                g.status(),
                g.descriptor(),
                g.placement(),
                g.dashboardUrl(),
                services,
                g.version(),
                g.createdAt(),
                g.updatedAt());
    }

    private static StoredGraph graph(ResultSet rs) throws SQLException {
        return new StoredGraph(
                rs.getString("name"),
                rs.getString("project"),
                GraphStatus.valueOf(rs.getString("status")),
                rs.getString("descriptor"),
                Json.readStrings(rs.getString("placement")),
                rs.getString("dashboard_url"),
                List.of(),
                rs.getLong("version"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
