package dev.smo.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ServiceProfile;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ProfileStore} must have. Implementations extend this class and supply an empty store. */
public abstract class ProfileStoreContract {

    protected ProfileStore store;

    /** @return a store holding no profiles */
    protected abstract ProfileStore emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    public static ServiceProfile profile(String graph, String service, double alpha) {
        Instant at = Instant.parse("2025-01-01T12:00:00Z");
        return new ServiceProfile(
                graph,
                service,
                0,
                alpha,
                -2.5,
                0.97,
                300,
                720,
                400,
                20,
                alpha - 1,
                alpha + 1,
                -4,
                -1,
                at.minusSeconds(6 * 3600),
                at,
                at.plusSeconds(1));
    }

    @Test
    void eachSaveIsTheNextVersionAndTheLatestIsCurrent() {
        ServiceProfile first = store.save(profile("g", "web", 30));
        ServiceProfile second = store.save(profile("g", "web", 32.5));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.current("g", "web")).contains(second);
        assertThat(store.history("g", "web")).containsExactly(first, second);
    }

    @Test
    void profilesKeepEveryField() {
        ServiceProfile saved = store.save(profile("g", "web", 30));

        assertThat(store.current("g", "web").orElseThrow())
                .isEqualTo(profile("g", "web", 30).withVersion(1));
        assertThat(saved).isEqualTo(profile("g", "web", 30).withVersion(1));
    }

    @Test
    void versionsArePerGraphAndService() {
        store.save(profile("g", "web", 30));
        store.save(profile("g", "web", 31));

        assertThat(store.save(profile("g", "db", 5)).version()).isEqualTo(1);
        assertThat(store.save(profile("h", "web", 7)).version()).isEqualTo(1);
        assertThat(store.current("g", "api")).isEmpty();
        assertThat(store.current("h", "web").orElseThrow().alpha()).isEqualTo(7);
        assertThat(store.history("x", "y")).isEmpty();
        assertThat(store.currentOf("g")).containsOnlyKeys("web", "db");
        assertThat(store.currentOf("g").get("web").version()).isEqualTo(2);
        assertThat(store.currentOf("nope")).isEmpty();
    }
}
