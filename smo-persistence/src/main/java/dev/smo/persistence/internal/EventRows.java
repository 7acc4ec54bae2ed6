package dev.smo.persistence.internal;

import dev.smo.core.GraphEvent;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** The graph_events table: an append-only log keyed by graph name, kept after the graph is deleted. */
final class EventRows {

    private EventRows() {}

    /**
     * Appends the events {@link #bindArrays} binds, in their order, when the statement's {@code g} has a row: the
     * graph write the events belong to succeeded.
     */
    static final String INSERT_FROM_ARRAYS = "INSERT INTO graph_events (graph, service, at, type, message) "
            + "SELECT e.graph, e.service, CAST(e.at AS timestamptz), e.type, e.message FROM "
            + "unnest(CAST(:e_graph AS text[]), CAST(:e_service AS text[]), CAST(:e_at AS text[]), "
            + "CAST(:e_type AS text[]), CAST(:e_message AS text[])) WITH ORDINALITY AS e(graph, service, at, type, "
            + "message, n) WHERE EXISTS (SELECT 1 FROM g) ORDER BY e.n";

    /** Binds the events as one array per column for {@link #INSERT_FROM_ARRAYS}. */
    static void bindArrays(SqlStatement<?> q, List<GraphEvent> events) {
        List<String> graphs = new ArrayList<>();
        List<String> services = new ArrayList<>();
        List<String> ats = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (GraphEvent e : events) {
            graphs.add(e.graph());
            services.add(e.service());
            ats.add(e.at() == null ? null : Sql.micros(e.at()).toString());
            types.add(e.type());
            messages.add(e.message());
        }
        q.bindArray("e_graph", String.class, graphs)
                .bindArray("e_service", String.class, services)
                .bindArray("e_at", String.class, ats)
                .bindArray("e_type", String.class, types)
                .bindArray("e_message", String.class, messages);
    }

    static List<GraphEvent> of(Handle h, String graph) {
        return h.createQuery("SELECT id, graph, service, at, type, message FROM graph_events WHERE graph = :graph "
                        + "ORDER BY id")
                .bind("graph", graph)
                .map((rs, ctx) -> new GraphEvent(
                        rs.getLong("id"),
                        rs.getString("graph"),
                        rs.getString("service"),
                        Sql.instant(rs, "at"),
                        rs.getString("type"),
                        rs.getString("message")))
                .list();
    }
}
