package dev.smo.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own schema on the real PostgreSQL server and drops it afterwards, so runs never collide.
 *
 * <p>Server: system property {@code smo.test.jdbcUrl} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code smo.test.user} (default {@code postgres}) and {@code smo.test.password} (default none).
 */
public final class PostgresSchemaExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String JDBC_URL =
            System.getProperty("smo.test.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("smo.test.user", "postgres");
    public static final String PASSWORD = System.getProperty("smo.test.password");

    private String schema;
    private PooledDataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        schema = "smo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        dataSource = Databases.fromUrl(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try {
            if (dataSource != null) {
                dataSource.close();
            }
        } finally {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** @return a pool whose connections work in this class's schema */
    public PooledDataSource dataSource() {
        return dataSource;
    }

    /** @return the JDBC URL of this class's schema */
    public String jdbcUrl() {
        return JDBC_URL + (JDBC_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String schema() {
        return schema;
    }

    /** Empties SMO's tables, keeping the schema and its migration history. */
    public void truncate() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE graphs, services, graph_events, clusters, vims, nfvcl_clusters, service_profiles, "
                    + "leader_lease, replicas, cluster_provisions RESTART IDENTITY");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
