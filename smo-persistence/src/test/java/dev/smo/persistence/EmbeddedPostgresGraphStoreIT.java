package dev.smo.persistence;

import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.GraphStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The GraphStore contract against the embedded PostgreSQL, started once for the class. */
class EmbeddedPostgresGraphStoreIT extends GraphStoreContract {

    private static EmbeddedDatabase database;
    private static GraphStore shared;

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedDatabase.startFastUnsafe(TestDirectories.fresh("contract"), 0);
        shared = PostgresGraphStore.create(database.dataSource());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
        TestDirectories.delete(database.dataDirectory());
    }

    @Override
    protected GraphStore emptyStore() {
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE graphs, services, graph_events, clusters RESTART IDENTITY");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return shared;
    }
}
