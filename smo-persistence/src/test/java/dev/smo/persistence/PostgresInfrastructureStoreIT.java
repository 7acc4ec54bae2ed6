package dev.smo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.Vim;
import dev.smo.core.spi.InfrastructureStore;
import dev.smo.core.spi.InfrastructureStoreContract;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The InfrastructureStore contract against the PostgreSQL server on 127.0.0.1:5432, plus what only it does. */
class PostgresInfrastructureStoreIT extends InfrastructureStoreContract {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static final SealingKey KEY =
            SealingKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

    @Override
    protected InfrastructureStore emptyStore() {
        InfrastructureStore store = PostgresInfrastructureStore.create(DB.dataSource(), KEY);
        try {
            DB.truncate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    @Test
    void passwordIsStoredSealedAndOpensOnlyWithItsKey() throws SQLException {
        Vim vim = store.insertVim(vim("Pop-Area-1", 1), Optional.of("hunter2-hunter2"));

        byte[] sealed = sealedColumn(vim.id());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
        assertThat(sealed).hasSize(12 + "hunter2-hunter2".length() + 16);
        Vim again = store.insertVim(vim("Pop-Area-2", 2), Optional.of("hunter2-hunter2"));
        assertThat(sealedColumn(again.id())).as("a fresh nonce per secret").isNotEqualTo(sealed);

        byte[] other = new byte[32];
        other[0] = 1;
        InfrastructureStore otherKey = PostgresInfrastructureStore.create(
                DB.dataSource(), SealingKey.fromBase64(Base64.getEncoder().encodeToString(other)));
        assertThatThrownBy(() -> otherKey.vimPassword(vim.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pop_area_1")
                .hasMessageNotContaining("hunter2");
        assertThat(store.vimPassword(vim.id())).contains("hunter2-hunter2");
    }

    private static byte[] sealedColumn(long id) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT password_sealed FROM vims WHERE id = " + id)) {
            rs.next();
            return rs.getBytes(1);
        }
    }
}
