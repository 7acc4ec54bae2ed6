package dev.smo.persistence.internal;

import dev.smo.core.ChartRef;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredService;
import dev.smo.core.spi.PlacedDemand;
import dev.smo.intent.ResourceRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The services table: a graph's services, kept in descriptor order by {@code position}. */
final class ServiceRows {

    /** The service columns of a join with graphs, prefixed {@code s_}; {@code s_position} is null for none. */
    static final String COLUMNS = "s.position AS s_position, s.name AS s_name, s.status AS s_status, "
            + "s.cluster AS s_cluster, s.replicas AS s_replicas, s.cpu_millis AS s_cpu_millis, "
            + "s.memory_bytes AS s_memory_bytes, s.storage_bytes AS s_storage_bytes, s.gpus AS s_gpus, "
            + "s.artifact_ref AS s_artifact_ref, s.artifact_type AS s_artifact_type, "
            + "s.artifact_implementer AS s_artifact_implementer, s.helm_values AS s_helm_values, "
            + "s.alert_rules AS s_alert_rules, s.last_error AS s_last_error, s.dashboard_url AS s_dashboard_url";

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

    /** @return the demand of placed services per cluster, status and whether they belong to {@code graph} */
    static List<PlacedDemand> demand(Handle h, String graph) {
        return h.createQuery("SELECT s.cluster, s.status, g.name = :graph AS own, "
                        + "CAST(sum(s.cpu_millis * s.replicas) AS bigint) AS cpu_millis, "
                        + "CAST(sum(s.memory_bytes * s.replicas) AS bigint) AS memory_bytes, "
                        + "CAST(sum(CAST(s.gpus AS bigint) * s.replicas) AS bigint) AS gpus "
                        + "FROM services s JOIN graphs g ON g.id = s.graph_id WHERE s.cluster IS NOT NULL "
                        + "GROUP BY 1, 2, 3")
                .bind("graph", graph)
                .map((rs, ctx) -> new PlacedDemand(
                        rs.getString("cluster"),
                        ServiceStatus.valueOf(rs.getString("status")),
                        rs.getBoolean("own"),
                        rs.getLong("cpu_millis"),
                        rs.getLong("memory_bytes"),
                        rs.getLong("gpus")))
                .list();
    }

    /** @return the service of the current row of a query that selects {@link #COLUMNS} */
    static StoredService service(ResultSet rs) throws SQLException {
        return new StoredService(
                rs.getString("s_name"),
                ServiceStatus.valueOf(rs.getString("s_status")),
                rs.getString("s_cluster"),
                rs.getInt("s_replicas"),
                new ResourceRequest(
                        rs.getLong("s_cpu_millis"),
                        rs.getLong("s_memory_bytes"),
                        rs.getLong("s_storage_bytes"),
                        rs.getInt("s_gpus")),
                new ChartRef(
                        rs.getString("s_artifact_ref"),
                        rs.getString("s_artifact_type"),
                        rs.getString("s_artifact_implementer")),
                Json.readObject(rs.getString("s_helm_values")),
                Json.readRules(rs.getString("s_alert_rules")),
                rs.getString("s_last_error"),
                rs.getString("s_dashboard_url"));
    }
}
