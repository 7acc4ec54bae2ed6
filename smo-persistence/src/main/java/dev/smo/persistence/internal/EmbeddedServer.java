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

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedServer start(Path dataDirectory, int port, String database) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory.getParent());
            OrphanedPostmaster.stopIfAny(dataDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new UnableToAccessDatabaseException(
                    "Cannot start the embedded PostgreSQL on data directory ("
                            + dataDirectory + ") and port (" + port + "): " + Exceptions.rootMessage(e)
                            + "\nMaybe another SMO server uses this directory or port; stop it or pick another SMO home.",
                    e);
        }
        EmbeddedServer server = new EmbeddedServer(postgres, dataDirectory);
        try {
            server.createDatabaseIfMissing(database);
        } catch (SQLException e) {
            server.close();
            throw new UnableToAccessDatabaseException(
                    "Cannot create database (" + database + ") in the embedded PostgreSQL at (" + dataDirectory + "): "
                            + e.getMessage(),
                    e);
        }
        return server;
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
