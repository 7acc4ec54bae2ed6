package dev.smo.persistence.internal;

import dev.smo.core.ClusterProvision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The cluster_provisions table; updates match the version column. */
final class ProvisionRows {

    private static final String COLUMNS =
            "smo_id, graph, member_name, state, deadline, detail, created_at, updated_at, version";

    private ProvisionRows() {}

    static boolean insert(Handle h, ClusterProvision p, Instant now) {
        return h.createUpdate("INSERT INTO cluster_provisions (" + COLUMNS + ") VALUES (:smoId, :graph, :member, "
                                + ":state, :deadline, :detail, :now, :now, 1) ON CONFLICT DO NOTHING")
                        .bind("smoId", p.smoId())
                        .bind("graph", p.graph())
                        .bind("member", p.memberName())
                        .bind("state", p.state().name())
                        .bind("deadline", Sql.timestamp(p.deadline()))
                        .bind("detail", p.detail().orElse(null))
                        .bind("now", Sql.timestamp(now))
                        .execute()
                == 1;
    }

    static boolean update(Handle h, ClusterProvision p, Instant now) {
        return h.createUpdate(
                                "UPDATE cluster_provisions SET state = :state, deadline = :deadline, detail = :detail, "
                                        + "updated_at = :now, version = version + 1 WHERE smo_id = :smoId AND version = :version")
                        .bind("smoId", p.smoId())
                        .bind("state", p.state().name())
                        .bind("deadline", Sql.timestamp(p.deadline()))
                        .bind("detail", p.detail().orElse(null))
                        .bind("now", Sql.timestamp(now))
                        .bind("version", p.version())
                        .execute()
                == 1;
    }

    static Optional<ClusterProvision> byId(Handle h, String smoId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM cluster_provisions WHERE smo_id = :smoId")
                .bind("smoId", smoId)
                .map((rs, ctx) -> provision(rs))
                .findOne();
    }

    static List<ClusterProvision> list(Handle h, String graph) {
        if (graph == null) {
            return h.createQuery("SELECT " + COLUMNS + " FROM cluster_provisions ORDER BY seq")
                    .map((rs, ctx) -> provision(rs))
                    .list();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM cluster_provisions WHERE graph = :graph ORDER BY seq")
                .bind("graph", graph)
                .map((rs, ctx) -> provision(rs))
                .list();
    }

    private static ClusterProvision provision(ResultSet rs) throws SQLException {
        return new ClusterProvision(
                rs.getString("smo_id"),
                rs.getString("graph"),
                rs.getString("member_name"),
                ClusterProvision.State.valueOf(rs.getString("state")),
                Sql.instant(rs, "deadline"),
                Optional.ofNullable(rs.getString("detail")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
