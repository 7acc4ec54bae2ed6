package dev.smo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ServiceProfile;
import dev.smo.core.spi.ProfileStore;
import dev.smo.core.spi.ProfileStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ProfileStore contract against the PostgreSQL server on 127.0.0.1:5432, in a schema of its own. */
class PostgresProfileStoreIT extends ProfileStoreContract {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static ProfileStore shared;

    @Override
    protected ProfileStore emptyStore() {
        if (shared == null) {
            shared = PostgresProfileStore.create(DB.dataSource());
        }
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE service_profiles");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return shared;
    }

    @Test
    void concurrentSavesGetDistinctVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ServiceProfile>> saves = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                saves.add(pool.submit(() -> store.save(profile("g", "web", 30))));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<ServiceProfile> f : saves) {
                versions.add(f.get().version());
            }
            assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void intervalsWithoutBoundsSurvive() {
        ServiceProfile p = profile("g", "web", 30);
        ServiceProfile nan = new ServiceProfile(
                p.graph(),
                p.service(),
                0,
                p.alpha(),
                p.beta(),
                p.rSquared(),
                p.samplesUsed(),
                p.samplesTotal(),
                p.unsaturated(),
                p.outliers(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                p.from(),
                p.to(),
                p.learnedAt());

        assertThat(store.save(nan).alphaLow()).isNaN();
        assertThat(store.current("g", "web").orElseThrow().betaHigh()).isNaN();
    }
}
