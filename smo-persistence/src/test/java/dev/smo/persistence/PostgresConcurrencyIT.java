package dev.smo.persistence;

import static dev.smo.core.spi.GraphStoreContract.graph;
import static dev.smo.core.spi.GraphStoreContract.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ChartRef;
import dev.smo.core.ConcurrentUpdateException;
import dev.smo.core.GraphAlreadyExistsException;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphStatus;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.GraphStore;
import dev.smo.intent.ResourceRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two requests racing on one graph: exactly one wins, the loser gets an exception, nothing is half-written. */
class PostgresConcurrencyIT {

    private static final int ROUNDS = 20;
    private static final int INSERTERS = 6;

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static GraphStore store;

    @BeforeAll
    static void createStore() {
        store = PostgresGraphStore.create(DB.dataSource());
    }

    @Test
    void concurrentUpdatesOfOneVersionHaveExactlyOneWinner() throws Exception {
        StoredGraph current = store.insert(
                graph(
                        "race",
                        "p",
                        service("a", ServiceStatus.DEPLOYING, "c1"),
                        service("b", ServiceStatus.DEPLOYING, "c1")),
                List.of());
        StoredService a = current.service("a").orElseThrow();
        StoredService b = current.service("b").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                StoredGraph left = current.withStatus(GraphStatus.RUNNING)
                        .withServices(List.of(a.withStatus(ServiceStatus.DEPLOYED, "round " + round)));
                StoredGraph right = current.withStatus(GraphStatus.STOPPING)
                        .withServices(List.of(
                                b.withPlacement("c2", Map.of("round", round)),
                                a,
                                StoredService.of(
                                        "c" + round,
                                        ServiceStatus.PENDING,
                                        1,
                                        new ResourceRequest(100, 1, 0, 0),
                                        ChartRef.of("oci://x/c"))));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<StoredGraph>> results =
                        pool.invokeAll(List.of(racer(start, left, "LEFT"), racer(start, right, "RIGHT")));

                List<StoredGraph> winners = new ArrayList<>();
                List<Throwable> losers = new ArrayList<>();
                for (Future<StoredGraph> f : results) {
                    try {
                        winners.add(f.get());
                    } catch (ExecutionException e) {
                        losers.add(e.getCause());
                    }
                }
                assertThat(winners).as("round %s winners", round).hasSize(1);
                assertThat(losers)
                        .as("round %s losers", round)
                        .singleElement()
                        .isInstanceOf(ConcurrentUpdateException.class);
                StoredGraph found = store.find("race").orElseThrow();
                assertThat(found).isEqualTo(winners.get(0));
                assertThat(found.version()).isEqualTo(current.version() + 1);
                StoredGraph intended = winners.get(0).status() == GraphStatus.RUNNING ? left : right;
                assertThat(found.services()).containsExactlyElementsOf(intended.services());
                assertThat(found.placement()).isEqualTo(intended.placement());
                current = found;
            }
            assertThat(store.events("race")).hasSize(ROUNDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentInsertsOfOneNameHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSERTERS);
        try {
            for (int round = 0; round < ROUNDS / 4; round++) {
                String name = "dup-" + round;
                CyclicBarrier start = new CyclicBarrier(INSERTERS);
                List<Callable<StoredGraph>> inserts = new ArrayList<>();
                for (int i = 0; i < INSERTERS; i++) {
                    String project = "p" + i;
                    inserts.add(() -> {
                        start.await();
                        return store.insert(
                                graph(name, project, service("s", ServiceStatus.DEPLOYING, "c")),
                                List.of(GraphEvent.of(name, null, Instant.now(), "DEPLOY_REQUESTED", project)));
                    });
                }
                List<StoredGraph> winners = new ArrayList<>();
                int refused = 0;
                for (Future<StoredGraph> f : pool.invokeAll(inserts)) {
                    try {
                        winners.add(f.get());
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(GraphAlreadyExistsException.class);
                        refused++;
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(refused).isEqualTo(INSERTERS - 1);
                assertThat(store.find(name)).contains(winners.get(0));
                assertThat(store.events(name))
                        .extracting(GraphEvent::message)
                        .containsExactly(winners.get(0).project());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<StoredGraph> racer(CyclicBarrier start, StoredGraph graph, String type) {
        return () -> {
            start.await();
            return store.update(graph, List.of(GraphEvent.of(graph.name(), null, Instant.now(), type, type)));
        };
    }
}
