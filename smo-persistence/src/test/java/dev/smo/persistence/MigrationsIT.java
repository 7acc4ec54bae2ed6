package dev.smo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationsIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    @Test
    void migratingTwiceAppliesTheSchemaOnce() throws SQLException {
        Migrations.migrate(DB.dataSource());
        int second = Migrations.migrate(DB.dataSource());

        assertThat(second).isZero();
        assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "ORDER BY table_name"))
                .containsExactly(
                        "cluster_provisions",
                        "clusters",
                        "flyway_schema_history",
                        "graph_events",
                        "graphs",
                        "leader_lease",
                        "nfvcl_clusters",
                        "replicas",
                        "service_profiles",
                        "services",
                        "vims");
        assertThat(query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void statusValuesOutsideTheEnumAreRejectedByTheSchema() {
        Migrations.migrate(DB.dataSource());

        assertThatThrownBy(() -> query("INSERT INTO graphs (name, project, status, descriptor, version, created_at, "
                        + "updated_at) VALUES ('x', 'p', 'Running', '{}', 1, now(), now()) RETURNING name"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("graphs_status_check");
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
