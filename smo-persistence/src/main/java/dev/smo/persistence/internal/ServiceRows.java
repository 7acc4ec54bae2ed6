package dev.smo.persistence.internal;

import dev.smo.core.ChartRef;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredService;
import dev.smo.core.spi.PlacedDemand;
import dev.smo.intent.ResourceRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

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

    /** The columns a write fills, in the order of {@link #FROM_ARRAYS}. */
    static final String INSERT_COLUMNS = "(graph_id, position, name, status, cluster, replicas, cpu_millis, "
            + "memory_bytes, storage_bytes, gpus, artifact_ref, artifact_type, artifact_implementer, helm_values, "
            + "alert_rules, last_error, dashboard_url)";

    /** The rows of a write: the graph's id from the statement's {@code g} and the arrays {@link #bindArrays} binds. */
    static final String FROM_ARRAYS = "SELECT g.id, x.position, x.name, x.status, x.cluster, x.replicas, x.cpu_millis, "
            + "x.memory_bytes, x.storage_bytes, x.gpus, x.artifact_ref, x.artifact_type, x.artifact_implementer, "
            + "CAST(x.helm_values AS json), CAST(x.alert_rules AS jsonb), x.last_error, x.dashboard_url FROM g, "
            + "unnest(CAST(:s_position AS int[]), CAST(:s_name AS text[]), CAST(:s_status AS text[]), "
            + "CAST(:s_cluster AS text[]), CAST(:s_replicas AS int[]), CAST(:s_cpu AS bigint[]), "
            + "CAST(:s_memory AS bigint[]), CAST(:s_storage AS bigint[]), CAST(:s_gpus AS int[]), "
            + "CAST(:s_ref AS text[]), CAST(:s_type AS text[]), CAST(:s_implementer AS text[]), "
            + "CAST(:s_values AS text[]), CAST(:s_rules AS text[]), CAST(:s_error AS text[]), "
            + "CAST(:s_dashboard AS text[])) AS x(position, name, status, cluster, replicas, cpu_millis, memory_bytes, "
            + "storage_bytes, gpus, artifact_ref, artifact_type, artifact_implementer, helm_values, alert_rules, "
            + "last_error, dashboard_url)";

    /** Rewrites only the rows that differ (json compared as written); the services table's own columns. */
    static final String ON_CONFLICT_UPDATE = "ON CONFLICT (graph_id, position) DO UPDATE SET name = EXCLUDED.name, "
            + "status = EXCLUDED.status, cluster = EXCLUDED.cluster, replicas = EXCLUDED.replicas, "
            + "cpu_millis = EXCLUDED.cpu_millis, memory_bytes = EXCLUDED.memory_bytes, "
            + "storage_bytes = EXCLUDED.storage_bytes, gpus = EXCLUDED.gpus, artifact_ref = EXCLUDED.artifact_ref, "
            + "artifact_type = EXCLUDED.artifact_type, artifact_implementer = EXCLUDED.artifact_implementer, "
            + "helm_values = EXCLUDED.helm_values, alert_rules = EXCLUDED.alert_rules, "
            + "last_error = EXCLUDED.last_error, dashboard_url = EXCLUDED.dashboard_url "
            + "WHERE (services.name, services.status, services.cluster, services.replicas, services.cpu_millis, "
            + "services.memory_bytes, services.storage_bytes, services.gpus, services.artifact_ref, "
            + "services.artifact_type, services.artifact_implementer, CAST(services.helm_values AS text), "
            + "services.alert_rules, services.last_error, services.dashboard_url) IS DISTINCT FROM (EXCLUDED.name, "
            + "EXCLUDED.status, EXCLUDED.cluster, EXCLUDED.replicas, EXCLUDED.cpu_millis, EXCLUDED.memory_bytes, "
            + "EXCLUDED.storage_bytes, EXCLUDED.gpus, EXCLUDED.artifact_ref, EXCLUDED.artifact_type, "
            + "EXCLUDED.artifact_implementer, CAST(EXCLUDED.helm_values AS text), EXCLUDED.alert_rules, "
            + "EXCLUDED.last_error, EXCLUDED.dashboard_url)";

    /** Binds the services as one array per column, in descriptor order, for {@link #FROM_ARRAYS}. */
    static void bindArrays(SqlStatement<?> q, List<StoredService> services) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            positions.add(i);
        }
        q.bindArray("s_position", Integer.class, positions)
                .bindArray("s_name", String.class, column(services, StoredService::name))
                .bindArray(
                        "s_status",
                        String.class,
                        column(services, s -> s.status().name()))
                .bindArray("s_cluster", String.class, column(services, StoredService::cluster))
                .bindArray("s_replicas", Integer.class, column(services, StoredService::replicas))
                .bindArray(
                        "s_cpu", Long.class, column(services, s -> s.resources().cpuMillis()))
                .bindArray(
                        "s_memory",
                        Long.class,
                        column(services, s -> s.resources().memoryBytes()))
                .bindArray(
                        "s_storage",
                        Long.class,
                        column(services, s -> s.resources().storageBytes()))
                .bindArray(
                        "s_gpus",
                        Integer.class,
                        column(services, s -> s.resources().gpus()))
                .bindArray(
                        "s_ref", String.class, column(services, s -> s.chart().reference()))
                .bindArray(
                        "s_type", String.class, column(services, s -> s.chart().type()))
                .bindArray(
                        "s_implementer",
                        String.class,
                        column(services, s -> s.chart().implementer()))
                .bindArray("s_values", String.class, column(services, s -> Json.write(s.values())))
                .bindArray("s_rules", String.class, column(services, s -> Json.writeRules(s.alertRules())))
                .bindArray("s_error", String.class, column(services, StoredService::lastError))
                .bindArray("s_dashboard", String.class, column(services, StoredService::dashboardUrl));
    }

    private static <T> List<T> column(List<StoredService> services, Function<StoredService, T> value) {
        List<T> out = new ArrayList<>(services.size());
        for (StoredService s : services) {
            out.add(value.apply(s));
        }
        return out;
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
