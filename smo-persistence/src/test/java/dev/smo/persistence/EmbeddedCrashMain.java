package dev.smo.persistence;

import dev.smo.core.GraphEvent;
import dev.smo.core.ServiceStatus;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.GraphStoreContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseIT}: starts the embedded database, stores a graph, says
 * {@code READY} and waits to be killed, leaving its PostgreSQL orphaned.
 */
final class EmbeddedCrashMain {

    private EmbeddedCrashMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), 0);
        GraphStore store = PostgresGraphStore.create(database.dataSource());
        store.insert(
                GraphStoreContract.graph(
                        "survivor", "p", GraphStoreContract.service("web", ServiceStatus.DEPLOYING, "c1")),
                List.of(GraphEvent.of(
                        "survivor",
                        null,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        "DEPLOY_REQUESTED",
                        "written before the crash")));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
