package dev.smo.persistence;

import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.GraphStoreContract;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GraphStore contract against the PostgreSQL server on 127.0.0.1:5432, in a schema of its own. */
class PostgresGraphStoreIT extends GraphStoreContract {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static GraphStore shared;

    @Override
    protected GraphStore emptyStore() {
        if (shared == null) {
            shared = PostgresGraphStore.create(DB.dataSource());
        }
        try {
            DB.truncate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return shared;
    }
}
