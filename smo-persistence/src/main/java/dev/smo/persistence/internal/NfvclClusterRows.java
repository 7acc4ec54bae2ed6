package dev.smo.persistence.internal;

import dev.smo.core.NfvclCluster;
import dev.smo.core.spi.Nfvcl;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** The nfvcl_clusters table; updates and deletes match the version column. */
final class NfvclClusterRows {

    private static final String COLUMNS = "smo_id, nfvcl_id, pop_area, vim_name, mgmt_network, service_network, "
            + "flavors, workers, status, task_id, last_error, created_at, updated_at, version";

    private NfvclClusterRows() {}

    static boolean insert(Handle h, NfvclCluster c, Instant now) {
        return bind(
                                h.createUpdate("INSERT INTO nfvcl_clusters (" + COLUMNS + ") VALUES (:smoId, :nfvclId, "
                                        + ":popArea, :vimName, :mgmt, :svc, CAST(:flavors AS jsonb), :workers, :status, "
                                        + ":taskId, :lastError, :now, :now, 1) ON CONFLICT DO NOTHING"),
                                c)
                        .bind("now", Sql.timestamp(now))
                        .execute()
                == 1;
    }

    /** @return the stored creation time, when the row of that version was there to update */
    static Optional<Instant> update(Handle h, NfvclCluster c, Instant now) {
        return bind(
                        h.createQuery("UPDATE nfvcl_clusters SET nfvcl_id = :nfvclId, pop_area = :popArea, "
                                + "vim_name = :vimName, mgmt_network = :mgmt, service_network = :svc, "
                                + "flavors = CAST(:flavors AS jsonb), workers = :workers, status = :status, "
                                + "task_id = :taskId, last_error = :lastError, updated_at = :now, version = version + 1 "
                                + "WHERE smo_id = :smoId AND version = :version RETURNING created_at"),
                        c)
                .bind("now", Sql.timestamp(now))
                .bind("version", c.version())
                .map((rs, ctx) -> Sql.instant(rs, "created_at"))
                .findOne();
    }

    static boolean delete(Handle h, String smoId, long version) {
        return h.createUpdate("DELETE FROM nfvcl_clusters WHERE smo_id = :smoId AND version = :version")
                        .bind("smoId", smoId)
                        .bind("version", version)
                        .execute()
                == 1;
    }

    static Optional<NfvclCluster> byId(Handle h, String smoId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM nfvcl_clusters WHERE smo_id = :smoId")
                .bind("smoId", smoId)
                .map((rs, ctx) -> cluster(rs))
                .findOne();
    }

    static List<NfvclCluster> list(Handle h, OptionalInt popArea) {
        if (popArea.isEmpty()) {
            return h.createQuery("SELECT " + COLUMNS + " FROM nfvcl_clusters ORDER BY smo_id")
                    .map((rs, ctx) -> cluster(rs))
                    .list();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM nfvcl_clusters WHERE pop_area = :popArea ORDER BY smo_id")
                .bind("popArea", popArea.getAsInt())
                .map((rs, ctx) -> cluster(rs))
                .list();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, NfvclCluster c) {
        Map<String, Object> flavors = new LinkedHashMap<>();
        c.masterFlavor().ifPresent(f -> flavors.put("master", flavor(f)));
        c.workerFlavor().ifPresent(f -> flavors.put("worker", flavor(f)));
        return statement
                .bind("smoId", c.smoId())
                .bind("nfvclId", c.nfvclId().orElse(null))
                .bind("popArea", c.popArea())
                .bind("vimName", c.vimName())
                .bind("mgmt", c.managementNetwork())
                .bind("svc", c.serviceNetwork())
                .bind("flavors", Json.write(flavors))
                .bind("workers", c.workers())
                .bind("status", c.status().name())
                .bind("taskId", c.taskId().orElse(null))
                .bind("lastError", c.lastError().orElse(null));
    }

    private static Map<String, Object> flavor(Nfvcl.Flavor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vcpus", f.vcpus());
        m.put("memoryMb", f.memoryMb());
        m.put("diskGb", f.diskGb());
        return m;
    }

    private static Optional<Nfvcl.Flavor> flavor(Object json) {
        if (!(json instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        return Optional.of(new Nfvcl.Flavor(
                ((Number) m.get("vcpus")).intValue(),
                ((Number) m.get("memoryMb")).intValue(),
                ((Number) m.get("diskGb")).intValue()));
    }

    private static NfvclCluster cluster(ResultSet rs) throws SQLException {
        Map<String, Object> flavors = Json.readObject(rs.getString("flavors"));
        return new NfvclCluster(
                rs.getString("smo_id"),
                Optional.ofNullable(rs.getString("nfvcl_id")),
                rs.getInt("pop_area"),
                rs.getString("vim_name"),
                rs.getString("mgmt_network"),
                rs.getString("service_network"),
                flavor(flavors.get("master")),
                flavor(flavors.get("worker")),
                rs.getInt("workers"),
                NfvclCluster.Status.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("task_id")),
                Optional.ofNullable(rs.getString("last_error")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
