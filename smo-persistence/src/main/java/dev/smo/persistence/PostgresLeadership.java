package dev.smo.persistence;

import dev.smo.core.spi.Leadership;
import dev.smo.persistence.internal.DefaultPostgresLeadership;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The {@link Leadership} of replicas sharing one PostgreSQL database: a lease row whose expiry the database computes
 * ({@code now() + ttl}), taken or renewed every third of the time to live by one conditional
 * {@code INSERT ... ON CONFLICT DO UPDATE}, with an epoch that grows with every new term, and a heartbeat row per
 * replica. Stores opened with {@link PostgresGraphStore} refuse the writes of a term that is over.
 */
public final class PostgresLeadership {

    /** The name of SMO's lease row. */
    public static final String LEASE = DefaultPostgresLeadership.LEASE;

    private PostgresLeadership() {}

    /**
     * Migrates the schema, tries the lease once, then keeps renewing it in the background until closed.
     *
     * @param dataSource the database the replicas share; never closed by the leadership
     * @param replica this replica's id, unique among the replicas
     * @param ttl how long the lease and the heartbeat live without a renewal (at least one second)
     * @return the running leadership; close it to give the lease up at once
     * @throws UnableToAccessDatabaseException when the database cannot be reached or migrated
     * @throws IllegalArgumentException when the time to live is under one second
     */
    public static Leadership start(DataSource dataSource, String replica, Duration ttl) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(replica, "replica");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "Lease time to live (" + ttl + ") is under one second.\n"
                            + "Maybe use 15 s: a leader then stops within 15 s of losing the database, and another takes over.");
        }
        Migrations.migrate(dataSource);
        return new DefaultPostgresLeadership(dataSource, LEASE, replica, ttl).start();
    }
}
