package dev.smo.persistence.internal;

import dev.smo.core.GraphEvent;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The graph_events table: an append-only log keyed by graph name, kept after the graph is deleted. */
final class EventRows {

    private EventRows() {}

    static void append(Handle h, List<GraphEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO graph_events (graph, service, at, type, message) "
                + "VALUES (:graph, :service, :at, :type, :message)");
        for (GraphEvent e : events) {
            batch.bind("graph", e.graph())
                    .bind("service", e.service())
                    .bind("at", Sql.timestamp(e.at()))
                    .bind("type", e.type())
                    .bind("message", e.message())
                    .add();
        }
        batch.execute();
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
