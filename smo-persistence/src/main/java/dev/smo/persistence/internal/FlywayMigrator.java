package dev.smo.persistence.internal;

import dev.smo.persistence.UnableToAccessDatabaseException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.migration.JavaMigration;

/** Runs the module's SQL migrations with Flyway. */
public final class FlywayMigrator {

    /**
     * The migrations under {@code db/migration}, oldest first. Listed rather than scanned so that they are found on
     * the module path too, where another module cannot list this module's resources; add each new file here.
     */
    static final List<String> MIGRATIONS = List.of(
            "V1__schema.sql",
            "V2__nfvcl.sql",
            "V3__service_names_checked_per_statement.sql",
            "V4__leader_lease.sql",
            "V5__service_profiles.sql",
            "V6__cluster_provisions.sql",
            "V7__cluster_traits.sql");

    private static final String LOCATION = "db/migration";

    private FlywayMigrator() {}

    public static int migrate(DataSource dataSource) {
        ClassProvider<JavaMigration> noJavaMigrations = List::of;
        try {
            return Flyway.configure(FlywayMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .resourceProvider(new ModuleResourceProvider(FlywayMigrator.class, LOCATION, MIGRATIONS))
                    .javaMigrationClassProvider(noJavaMigrations)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (RuntimeException e) {
            throw new UnableToAccessDatabaseException(
                    "Cannot migrate SMO's schema: " + Exceptions.rootMessage(e)
                            + "\nMaybe check that the database is reachable and that the user may create tables.",
                    e);
        }
    }
}
