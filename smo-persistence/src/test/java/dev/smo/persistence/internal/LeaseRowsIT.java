package dev.smo.persistence.internal;

import static dev.smo.core.spi.GraphStoreContract.graph;
import static dev.smo.core.spi.GraphStoreContract.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.GraphEvent;
import dev.smo.core.GraphStatus;
import dev.smo.core.LeadershipLostException;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.Leadership;
import dev.smo.core.spi.UnsettledWork;
import dev.smo.core.spi.Writer;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.persistence.PostgresLeadership;
import dev.smo.persistence.PostgresSchemaExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lease statement on real PostgreSQL: races, expiry by the database's clock, epochs, fenced writes. */
class LeaseRowsIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static final Duration LONG = Duration.ofMinutes(1);
    private static final String LEASE = DefaultPostgresLeadership.LEASE;
    private static Jdbi jdbi;
    private static GraphStore store;

    @BeforeAll
    static void migrate() {
        store = PostgresGraphStore.create(DB.dataSource());
        jdbi = Jdbi.create(DB.dataSource());
    }

    @BeforeEach
    void empty() throws Exception {
        DB.truncate();
    }

    private static boolean holds(String holder, long epoch) {
        return jdbi.withHandle(h -> LeaseRows.holds(h, LEASE, holder, epoch));
    }

    private static Optional<Long> acquire(String holder, Duration ttl) {
        return jdbi.withHandle(h -> LeaseRows.acquire(h, LEASE, holder, ttl));
    }

    @Test
    void aFreeLeaseIsTakenAtEpochOneAndRenewedInTheSameTerm() {
        assertThat(acquire("a", LONG)).contains(1L);
        assertThat(acquire("a", LONG)).contains(1L);
        assertThat(acquire("a", LONG)).contains(1L);
    }

    @Test
    void anotherHolderCannotTakeOrRenewAValidLease() {
        acquire("a", LONG);

        assertThat(acquire("b", LONG)).isEmpty();
        assertThat(holds("b", 1)).isFalse();
        assertThat(holds("a", 1)).isTrue();
    }

    @Test
    void anExpiredLeaseGoesToTheNextHolderInANewTermAndTheOldHolderIsRefused() throws Exception {
        acquire("a", Duration.ofMillis(200));
        Thread.sleep(300);

        assertThat(acquire("b", LONG)).contains(2L);
        assertThat(acquire("a", LONG)).as("the old holder's renewal").isEmpty();
        assertThat(holds("a", 1)).isFalse();
    }

    @Test
    void theSameHolderTakingItsExpiredLeaseAgainStartsANewTerm() throws Exception {
        acquire("a", Duration.ofMillis(200));
        Thread.sleep(300);

        assertThat(acquire("a", LONG)).contains(2L);
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceInANewTerm() {
        acquire("a", LONG);
        jdbi.useHandle(h -> LeaseRows.release(h, LEASE, "a"));

        assertThat(acquire("b", LONG)).contains(2L);
        jdbi.useHandle(h -> LeaseRows.release(h, LEASE, "a")); // not a's any more: nothing happens
        assertThat(acquire("a", LONG)).isEmpty();
    }

    /** Holders racing for a free (and then an expired) lease: exactly one wins each round, epochs grow by one. */
    @Test
    void racingHoldersHaveExactlyOneWinnerPerRound() throws Exception {
        int rounds = 15;
        int holders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(holders);
        List<Long> epochs = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier start = new CyclicBarrier(holders);
                List<Callable<Optional<Long>>> racers = new ArrayList<>();
                for (int i = 0; i < holders; i++) {
                    String holder = "r" + round + "-" + i;
                    racers.add(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return acquire(holder, Duration.ofMillis(100));
                    });
                }
                List<Long> won = new ArrayList<>();
                for (Future<Optional<Long>> f : pool.invokeAll(racers)) {
                    f.get().ifPresent(won::add);
                }
                assertThat(won).as("round " + round).hasSize(1);
                epochs.add(won.get(0));
                Thread.sleep(150); // the winner's lease expires
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(epochs).hasSize(rounds);
        for (int i = 0; i < rounds; i++) {
            assertThat(epochs.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void aWriteOfAnOverTermIsRefusedAndWritesNothing() throws Exception {
        acquire("a", Duration.ofMillis(200));
        StoredGraph g = store.insert(graph("fenced", "p", service("s", ServiceStatus.DEPLOYING, "c")), List.of());
        GraphStore oldLeader = store.as(Writer.leader("a", 1));
        StoredGraph ok = oldLeader.update(g, List.of(event("fenced", "WHILE_LEADING")));
        Thread.sleep(300);
        acquire("b", LONG);

        assertThatThrownBy(() -> oldLeader.update(ok.withStatus(GraphStatus.FAILED), List.of(event("fenced", "LATE"))))
                .isInstanceOf(LeadershipLostException.class)
                .hasMessageContaining("(a)");
        assertThatThrownBy(() -> oldLeader.delete("fenced", ok.version(), List.of(event("fenced", "LATE"))))
                .isInstanceOf(LeadershipLostException.class);
        assertThat(store.find("fenced").orElseThrow().version()).isEqualTo(ok.version());
        assertThat(store.events("fenced")).extracting(GraphEvent::type).containsExactly("WHILE_LEADING");
        // The new leader's writes go through, and so do those of request work, which carry no epoch.
        StoredGraph newer = store.as(Writer.leader("b", 2)).update(ok, List.of(event("fenced", "NEW_LEADER")));
        store.as(Writer.replica("a")).update(newer, List.of(event("fenced", "REQUEST")));
        assertThat(store.events("fenced")).extracting(GraphEvent::type).endsWith("NEW_LEADER", "REQUEST");
    }

    @Test
    void unsettledWorkNamesTheReplicaThatWroteLastAndWhetherItIsAlive() {
        StoredGraph a = store.insert(graph("by-a", "p", service("s", ServiceStatus.DEPLOYING, "c")), List.of());
        StoredGraph b = store.insert(graph("by-b", "p", service("s", ServiceStatus.DEPLOYING, "c")), List.of());
        store.insert(graph("nobody", "p", service("s", ServiceStatus.DEPLOYING, "c")), List.of());
        store.as(Writer.replica("a")).update(a, List.of());
        store.as(Writer.replica("b")).update(b, List.of());
        jdbi.useHandle(h -> LeaseRows.beat(h, "a", LONG));

        assertThat(store.unsettledWork())
                .extracting(w -> w.graph().name(), UnsettledWork::worker, UnsettledWork::workerAlive)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("by-a", "a", true),
                        org.assertj.core.groups.Tuple.tuple("by-b", "b", false),
                        org.assertj.core.groups.Tuple.tuple("nobody", null, false));
    }

    @Test
    void oneOfTwoReplicasLeadsAndTheOtherTakesOverWhenItGivesUp() throws Exception {
        Duration ttl = Duration.ofSeconds(1);
        Leadership first = PostgresLeadership.start(DB.dataSource(), "first", ttl);
        try (Leadership second = PostgresLeadership.start(DB.dataSource(), "second", ttl)) {
            assertThat(first.epoch()).hasValue(1);
            assertThat(second.epoch()).isEmpty();
            assertThat(first.alive()).isTrue();
            assertThat(second.alive()).isTrue();

            first.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (second.epoch().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(second.epoch()).hasValue(2);
            assertThat(first.epoch()).isEmpty();
        }
    }

    private static GraphEvent event(String graph, String type) {
        return new GraphEvent(0, graph, null, Instant.now(), type, type.toLowerCase(java.util.Locale.ROOT));
    }
}
