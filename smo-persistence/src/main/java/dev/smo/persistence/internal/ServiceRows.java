package dev.smo.persistence.internal;

import dev.smo.core.ChartRef;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredService;
import dev.smo.intent.ResourceRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The services table: a graph's services, kept in descriptor order by {@code position}. */
final class ServiceRows {

    private ServiceRows() {}

    /** @throws IllegalArgumentException when two services share a name */
    static void checkUniqueNames(String graph, List<StoredService> services) {
        Set<String> seen = new HashSet<>();
        for (StoredService s : services) {
            if (!seen.add(s.name())) {
                throw new IllegalArgumentException("Graph (" + graph + ") has more than one service named (" + s.name()
                        + ").\nMaybe give each service of the graph its own id.");
            }
        }
    }

    static void replace(Handle h, long graphId, List<StoredService> services) {
        h.createUpdate("DELETE FROM services WHERE graph_id = :graphId")
                .bind("graphId", graphId)
                .execute();
        insert(h, graphId, services);
    }

    static void insert(Handle h, long graphId, List<StoredService> services) {
        if (services.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO services (graph_id, position, name, status, cluster, "
                + "replicas, cpu_millis, memory_bytes, storage_bytes, gpus, artifact_ref, artifact_type, "
                + "artifact_implementer, helm_values, alert_rules, last_error, dashboard_url) VALUES (:graphId, "
                + ":position, :name, :status, :cluster, :replicas, :cpuMillis, :memoryBytes, :storageBytes, :gpus, "
                + ":artifactRef, :artifactType, :artifactImplementer, CAST(:values AS json), "
                + "CAST(:alertRules AS jsonb), :lastError, :dashboardUrl)");
        int position = 0;
        for (StoredService s : services) {
            batch.bind("graphId", graphId)
                    .bind("position", position++)
                    .bind("name", s.name())
                    .bind("status", s.status().name())
                    .bind("cluster", s.cluster())
                    .bind("replicas", s.replicas())
                    .bind("cpuMillis", s.resources().cpuMillis())
                    .bind("memoryBytes", s.resources().memoryBytes())
                    .bind("storageBytes", s.resources().storageBytes())
                    .bind("gpus", s.resources().gpus())
                    .bind("artifactRef", s.chart().reference())
                    .bind("artifactType", s.chart().type())
                    .bind("artifactImplementer", s.chart().implementer())
                    .bind("values", Json.write(s.values()))
                    .bind("alertRules", Json.writeRules(s.alertRules()))
                    .bind("lastError", s.lastError())
                    .bind("dashboardUrl", s.dashboardUrl())
                    .add();
        }
        batch.execute();
    }

    /** @return the services of these graphs, by graph id, each list in descriptor order */
    static Map<Long, List<StoredService>> select(Handle h, List<Long> graphIds) {
        Map<Long, List<StoredService>> byGraph = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM services WHERE graph_id = ANY(:ids) ORDER BY graph_id, position")
                .bindArray("ids", Long.class, graphIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("graph_id"), service(rs)))
                .forEach(e -> byGraph.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return byGraph;
    }

    private static StoredService service(ResultSet rs) throws SQLException {
        return new StoredService(
                rs.getString("name"),
                ServiceStatus.valueOf(rs.getString("status")),
                rs.getString("cluster"),
                rs.getInt("replicas"),
                new ResourceRequest(
                        rs.getLong("cpu_millis"),
                        rs.getLong("memory_bytes"),
                        rs.getLong("storage_bytes"),
                        rs.getInt("gpus")),
                new ChartRef(
                        rs.getString("artifact_ref"),
                        rs.getString("artifact_type"),
                        rs.getString("artifact_implementer")),
                Json.readObject(rs.getString("helm_values")),
                Json.readRules(rs.getString("alert_rules")),
                rs.getString("last_error"),
                rs.getString("dashboard_url"));
    }
}
