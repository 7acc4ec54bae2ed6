package dev.smo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DatabasesIT {

    @Test
    void fromUrlOpensAPoolToTheServer() throws SQLException {
        try (PooledDataSource pool = Databases.fromUrl(
                        PostgresSchemaExtension.JDBC_URL,
                        PostgresSchemaExtension.USER,
                        PostgresSchemaExtension.PASSWORD);
                Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(pool.isWrapperFor(PooledDataSource.class)).isTrue();
        }
    }

    @Test
    void anUnreachableServerFailsAtOnceNamingTheUrl() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        DatabaseConfig config = new DatabaseConfig("127.0.0.1", freePort, "smo", "u", "s3cret");

        assertThatThrownBy(() -> Databases.fromConfig(config))
                .isInstanceOf(UnableToAccessDatabaseException.class)
                .hasMessageContaining("127.0.0.1:" + freePort)
                .hasMessageContaining("Maybe")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aNonPostgresUrlIsRejected() {
        assertThatThrownBy(() -> Databases.fromUrl("jdbc:h2:mem:x", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:mem:x");
    }
}
