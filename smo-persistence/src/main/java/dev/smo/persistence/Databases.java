package dev.smo.persistence;

import dev.smo.persistence.internal.HikariPooledDataSource;
import java.util.Objects;

/** Opens connection pools to a PostgreSQL server. */
public final class Databases {

    /** Connections a pool keeps at most. */
    public static final int MAX_POOL_SIZE = 10;

    private Databases() {}

    /**
     * Opens a pool to the database at a JDBC URL, and checks that it can connect.
     *
     * @param jdbcUrl {@code jdbc:postgresql://host:port/name}, optionally with parameters such as
     *        {@code ?currentSchema=smo}
     * @param user the user, or {@code null} to take it from the URL or the driver's default
     * @param password the password, or {@code null}
     * @return the pool; close it when done
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL
     * @throws UnableToAccessDatabaseException when no connection can be opened
     */
    public static PooledDataSource fromUrl(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Database URL (" + jdbcUrl.replaceAll("password=[^&]*", "password=****")
                    + ") is not a PostgreSQL JDBC URL.\nMaybe write it as jdbc:postgresql://host:5432/smo, or parse a "
                    + "postgresql:// URI with DatabaseConfig.parse.");
        }
        return HikariPooledDataSource.open(jdbcUrl, user, password, MAX_POOL_SIZE);
    }

    /**
     * Opens a pool to the configured database, and checks that it can connect.
     *
     * @param config host, port, database and credentials
     * @return the pool; close it when done
     * @throws UnableToAccessDatabaseException when no connection can be opened
     */
    public static PooledDataSource fromConfig(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        return fromUrl(config.jdbcUrl(), config.user(), config.password());
    }
}
