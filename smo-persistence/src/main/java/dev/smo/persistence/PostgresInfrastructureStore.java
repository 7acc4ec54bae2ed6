package dev.smo.persistence;

import dev.smo.core.spi.InfrastructureStore;
import dev.smo.persistence.internal.DefaultPostgresInfrastructureStore;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An {@link InfrastructureStore} on PostgreSQL: the {@code vims} and {@code nfvcl_clusters} tables.
 *
 * <p>Every method is one transaction; cluster updates and deletes match the {@code version} column. VIM passwords
 * are sealed with AES-256-GCM under the {@link SealingKey} before they reach the database (a fresh nonce each, the
 * VIM's NFVCL name as associated data) and are only opened by {@code vimPassword}. Database failures surface as
 * {@link UnableToAccessDatabaseException}.
 */
public final class PostgresInfrastructureStore {

    private PostgresInfrastructureStore() {}

    /**
     * Migrates the schema to the latest version, then opens the store.
     *
     * @param dataSource where the tables live; the store never closes it
     * @param key the key sealing VIM passwords
     * @return the store, stamping writes with the UTC system clock
     * @throws UnableToAccessDatabaseException when the database cannot be reached or migrated
     */
    public static InfrastructureStore create(DataSource dataSource, SealingKey key) {
        return create(dataSource, key, Clock.systemUTC());
    }

    /**
     * Migrates the schema to the latest version, then opens the store.
     *
     * @param dataSource where the tables live; the store never closes it
     * @param key the key sealing VIM passwords
     * @param clock the clock stamping {@code createdAt} and {@code updatedAt}
     * @return the store
     * @throws UnableToAccessDatabaseException when the database cannot be reached or migrated
     */
    public static InfrastructureStore create(DataSource dataSource, SealingKey key, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(clock, "clock");
        Migrations.migrate(dataSource);
        return new DefaultPostgresInfrastructureStore(dataSource, key.bytes(), clock);
    }
}
