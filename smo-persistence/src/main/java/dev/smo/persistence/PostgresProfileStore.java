package dev.smo.persistence;

import dev.smo.core.spi.ProfileStore;
import dev.smo.persistence.internal.DefaultPostgresProfileStore;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link ProfileStore} on PostgreSQL: the {@code service_profiles} table, one row per version. A save is one
 * statement that takes the next version; two saves racing for the same version are retried. Database failures
 * surface as {@link UnableToAccessDatabaseException}.
 */
public final class PostgresProfileStore {

    private PostgresProfileStore() {}

    /**
     * Migrates the schema to the latest version, then opens the store.
     *
     * @param dataSource where the table lives; the store never closes it
     * @return the store
     * @throws UnableToAccessDatabaseException when the database cannot be reached or migrated
     */
    public static ProfileStore create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Migrations.migrate(dataSource);
        return new DefaultPostgresProfileStore(dataSource);
    }
}
