package dev.smo.persistence;

import dev.smo.core.spi.GraphStore;
import dev.smo.persistence.internal.DefaultPostgresGraphStore;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link GraphStore} on PostgreSQL.
 *
 * <p>Every method is one transaction. Updates and deletes are optimistic: they match the graph's {@code version}
 * column and fail with {@link dev.smo.core.ConcurrentUpdateException} when another writer got there first. Reads
 * see one consistent snapshot of a graph and its services. Database failures surface as
 * {@link UnableToAccessDatabaseException}.
 *
 * <p>JSON held by the store (descriptor, placement, Helm values) comes back as it was written: same key order,
 * and numbers as Jackson reads them ({@code Integer} when the value fits, else {@code Long}; {@code Double} for
 * fractions). Timestamps are kept to the microsecond.
 */
public final class PostgresGraphStore {

    private PostgresGraphStore() {}

    /**
     * Migrates the schema of the data source's current schema to the latest version, then opens the store.
     *
     * @param dataSource where the tables live; the store borrows a connection per call and never closes the source
     * @return the store, stamping writes with the UTC system clock
     * @throws UnableToAccessDatabaseException when the database cannot be reached or migrated
     */
    public static GraphStore create(DataSource dataSource) {
        return create(dataSource, Clock.systemUTC());
    }

    /**
     * Migrates the schema to the latest version, then opens the store.
     *
     * @param dataSource where the tables live; the store never closes it
     * @param clock the clock stamping {@code createdAt} and {@code updatedAt}
     * @return the store
     * @throws UnableToAccessDatabaseException when the database cannot be reached or migrated
     */
    public static GraphStore create(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        Migrations.migrate(dataSource);
        return new DefaultPostgresGraphStore(dataSource, clock);
    }
}
