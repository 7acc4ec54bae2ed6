package dev.smo.persistence;

import dev.smo.persistence.internal.FlywayMigrator;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Versions SMO's schema with Flyway. The migrations ship in this module ({@code db/migration/V*__*.sql}) and
 * create unqualified tables, so they land in the connection's current schema (set {@code currentSchema} in the
 * JDBC URL to use another one than {@code public}).
 */
public final class Migrations {

    private Migrations() {}

    /**
     * Brings the schema to the latest version. Safe to call on every start: an up-to-date schema is left alone,
     * and concurrent callers are serialised by Flyway's lock.
     *
     * @param dataSource the database to migrate
     * @return how many migrations were applied now (0 when the schema was up to date)
     * @throws UnableToAccessDatabaseException when the database cannot be reached, a migration fails, or the
     *         schema was changed by hand so that an applied migration no longer matches its file
     */
    public static int migrate(DataSource dataSource) {
        return FlywayMigrator.migrate(Objects.requireNonNull(dataSource, "dataSource"));
    }
}
