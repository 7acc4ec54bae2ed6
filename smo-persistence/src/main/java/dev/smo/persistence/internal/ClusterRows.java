package dev.smo.persistence.internal;

import dev.smo.core.ClusterInfo;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The clusters table: the last snapshot of the cluster inventory. */
final class ClusterRows {

    private ClusterRows() {}

    static void replace(Handle h, List<ClusterInfo> clusters, Instant now) {
        // Serialises concurrent replacements (each would otherwise miss the other's new rows); readers go on.
        h.execute("LOCK TABLE clusters IN SHARE ROW EXCLUSIVE MODE");
        h.execute("DELETE FROM clusters");
        if (clusters.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO clusters (name, ready, cpu_millis, memory_bytes, gpus, "
                + "labels, pod_cidr, service_cidr, traits, updated_at) VALUES (:name, :ready, :cpuMillis, "
                + ":memoryBytes, :gpus, CAST(:labels AS jsonb), :podCidr, :serviceCidr, CAST(:traits AS jsonb), :now)");
        for (ClusterInfo c : clusters) {
            batch.bind("name", c.name())
                    .bind("ready", c.ready())
                    .bind("cpuMillis", c.cpuMillis())
                    .bind("memoryBytes", c.memoryBytes())
                    .bind("gpus", c.gpus())
                    .bind("labels", Json.write(c.labels()))
                    .bind("podCidr", c.podCidr())
                    .bind("serviceCidr", c.serviceCidr())
                    .bind("traits", Json.write(TraitsJson.write(c.traits())))
                    .bind("now", Sql.timestamp(now))
                    .add();
        }
        batch.execute();
    }

    static List<ClusterInfo> all(Handle h) {
        return h.createQuery("SELECT name, ready, cpu_millis, memory_bytes, gpus, labels, pod_cidr, service_cidr, "
                        + "traits FROM clusters ORDER BY name")
                .map((rs, ctx) -> new ClusterInfo(
                        rs.getString("name"),
                        rs.getBoolean("ready"),
                        rs.getLong("cpu_millis"),
                        rs.getLong("memory_bytes"),
                        rs.getInt("gpus"),
                        Json.readStrings(rs.getString("labels")),
                        rs.getString("pod_cidr"),
                        rs.getString("service_cidr"),
                        TraitsJson.read(Json.readObject(rs.getString("traits")))))
                .list();
    }
}
