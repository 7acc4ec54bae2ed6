package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.persistence.UnableToAccessDatabaseException;
import dev.smo.server.config.EnvironmentConfig;
import dev.smo.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server composes against the real PostgreSQL on 127.0.0.1:5432 from each way operators write the database:
 * a JDBC URL with its parameters, a libpq URL, the original's DB_* names, libpq's PG* variables and a password
 * file. A database of its own is created for the class and dropped afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseUrlFormsIT {

    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private final String database =
            "smo_cfg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @TempDir
    static Path dir;

    @BeforeAll
    void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    Stream<Arguments> forms() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("db-password"), "from-a-file\n");
        return Stream.of(
                Arguments.of(
                        "JDBC URL with user, password and options",
                        Map.of(
                                "SMO_DATABASE_URL",
                                "jdbc:postgresql://127.0.0.1:5432/" + database
                                        + "?user=postgres&password=s3cret&ApplicationName=smo-jdbc"),
                        "smo-jdbc"),
                Arguments.of(
                        "libpq URL with user info and libpq parameter names",
                        Map.of(
                                "SMO_DATABASE_URL",
                                "postgresql://postgres:s3cret@127.0.0.1:5432/" + database
                                        + "?application_name=smo-libpq&connect_timeout=5"),
                        "smo-libpq"),
                Arguments.of(
                        "the original's DB_* names",
                        Map.of("DB_HOST", "127.0.0.1", "DB_NAME", database, "DB_USER", "postgres"),
                        "PostgreSQL JDBC Driver"),
                Arguments.of(
                        "libpq's PG* variables and a password file",
                        Map.of(
                                "PGHOST",
                                "127.0.0.1",
                                "PGPORT",
                                "5432",
                                "PGDATABASE",
                                database,
                                "PGUSER",
                                "postgres",
                                "DB_PASSWORD_FILE",
                                passwordFile.toString()),
                        "PostgreSQL JDBC Driver"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void theServerComposesAgainstPostgresFromEachForm(String name, Map<String, String> env, String application)
            throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("SMO_HOME", dir.toString());
        ServerConfig config = EnvironmentConfig.read(all);

        assertThat(config.database()).hasValueSatisfying(d -> {
            assertThat(d.user()).isEqualTo("postgres");
            assertThat(d.jdbcUrl()).doesNotContain("s3cret", "from-a-file");
        });
        if (env.containsKey("DB_PASSWORD_FILE")) {
            assertThat(config.database().get().password()).isEqualTo("from-a-file");
        }
        try (Composition composition = Composition.open(config)) {
            assertThat(composition.description()).contains("store: PostgreSQL").doesNotContain("s3cret");
            assertThat(composition.orchestrator().list(null)).isEmpty();
            try (Connection c = DriverManager.getConnection(ADMIN);
                    Statement s = c.createStatement();
                    var rows = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
                            + "' AND application_name = '" + application + "'")) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("connections the pool opened with the URL's parameters")
                        .isPositive();
            }
        }
    }

    @Test
    void anEncryptedConnectionThatWasAskedForIsNeverDowngraded() {
        // The test server runs without TLS: sslmode=require must fail, not fall back to plain text.
        ServerConfig config = EnvironmentConfig.read(Map.of(
                "SMO_HOME",
                dir.toString(),
                "SMO_DATABASE_URL",
                "postgresql://postgres:s3cret@127.0.0.1:5432/" + database + "?sslmode=require"));

        assertThat(config.database().get().jdbcUrl()).contains("sslmode=require");
        assertThatThrownBy(() -> Composition.open(config))
                .isInstanceOf(UnableToAccessDatabaseException.class)
                .hasMessageContaining("SSL")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("loggerLevel");
    }

    @Test
    void libpqSslModeAppliesWhenTheUrlSetsNone() {
        ServerConfig config = EnvironmentConfig.read(Map.of(
                "SMO_HOME", dir.toString(),
                "PGHOST", "127.0.0.1",
                "PGDATABASE", database,
                "PGUSER", "postgres",
                "PGSSLMODE", "require"));

        assertThatThrownBy(() -> Composition.open(config))
                .isInstanceOf(UnableToAccessDatabaseException.class)
                .hasMessageContaining("SSL");
    }
}
