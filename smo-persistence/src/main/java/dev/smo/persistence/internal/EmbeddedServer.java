package dev.smo.persistence.internal;

import dev.smo.persistence.UnableToAccessDatabaseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starts and stops zonky's PostgreSQL on a kept data directory. */
public final class EmbeddedServer implements AutoCloseable {

    /** Written at every start: password authentication for every connection. */
    private static final String PG_HBA = """
            # Written by SMO at every start: password authentication for every connection.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param dataDirectory kept across restarts
     * @param port TCP port on 127.0.0.1, or 0
     * @param database created when missing
     * @param passwordFile the file holding the password (0600); a new data directory is initialised with it, and
     *     with password authentication from the start, so the server never runs without one
     * @param password the superuser's password; every connection must present it
     * @param socketDirectory a directory only this user can enter, for the Unix socket; {@code null} for none
     * @param durable fsync and synchronous commit on (off only for tests)
     * @return the running server
     */
    public static EmbeddedServer start(
            Path dataDirectory,
            int port,
            String database,
            Path passwordFile,
            String password,
            Path socketDirectory,
            boolean durable) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory.getParent());
            OrphanedPostmaster.stopIfAny(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // initdb --auth and --pwfile: a new cluster requires the password from its first start
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig(
                            "unix_socket_directories", socketDirectory == null ? "" : socketDirectory.toString())
                    .setServerConfig("unix_socket_permissions", "0700");
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                builder.setServerConfig(setting, durable ? "on" : "off");
            }
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new UnableToAccessDatabaseException(
                    "Cannot start the embedded PostgreSQL on data directory ("
                            + dataDirectory + ") and port (" + port + "): " + Exceptions.rootMessage(e)
                            + "\nMaybe another SMO server uses this directory or port; stop it or pick another SMO home.",
                    e);
        }
        EmbeddedServer server = new EmbeddedServer(postgres, dataDirectory);
        try {
            server.requirePassword(password);
            server.createDatabaseIfMissing(database);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new UnableToAccessDatabaseException(
                    "Cannot secure or create database (" + database + ") in the embedded PostgreSQL at ("
                            + dataDirectory + "): " + e.getMessage(),
                    e);
        }
        return server;
    }

    /**
     * Sets the superuser's password and makes every connection, local socket or TCP, authenticate with it. A data
     * directory an earlier SMO initialised with {@code trust} is converted on its first start.
     */
    private void requirePassword(String password) throws SQLException {
        if (!password.matches("[0-9a-f]{32,}")) {
            throw new IllegalArgumentException("The embedded database password must be generated hex.");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement statement = c.createStatement()) {
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
            statement.execute("SELECT pg_reload_conf()");
        } catch (IOException e) {
            throw new SQLException("Cannot write pg_hba.conf in (" + dataDirectory + "): " + e.getMessage(), e);
        }
    }

    private void createDatabaseIfMissing(String database) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UnableToAccessDatabaseException(
                    "Cannot stop the embedded PostgreSQL on (" + dataDirectory + "): " + e.getMessage(), e);
        }
    }
}
