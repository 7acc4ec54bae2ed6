package dev.smo.persistence;

import static dev.smo.core.spi.GraphStoreContract.graph;
import static dev.smo.core.spi.GraphStoreContract.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.spi.GraphEvent;
import dev.smo.core.spi.GraphStatus;
import dev.smo.core.spi.ServiceStatus;
import dev.smo.core.spi.StoredGraph;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseIT {

    @Test
    void dataWrittenBeforeCloseIsReadAfterRestart() {
        Path dir = TestDirectories.fresh("restart");
        StoredGraph stored;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            PostgresGraphStore store = PostgresGraphStore.create(db.dataSource());
            StoredGraph v1 = store.insert(
                    graph("g1", "p", service("web", ServiceStatus.DEPLOYING, "c1")),
                    List.of(GraphEvent.of("g1", null, Instant.parse("2026-01-01T00:00:00Z"), "A", "a")));
            stored = store.update(v1.withStatus(GraphStatus.RUNNING), List.of());
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThat(Migrations.migrate(db.dataSource())).isZero();
            PostgresGraphStore store = PostgresGraphStore.create(db.dataSource());
            assertThat(store.find("g1")).contains(stored);
            assertThat(store.events("g1")).extracting(GraphEvent::type).containsExactly("A");
        } finally {
            TestDirectories.delete(dir);
        }
    }

    @Test
    void aDirectoryInUseIsRefusedWithAHint() {
        Path dir = TestDirectories.fresh("in-use");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0))
                    .isInstanceOf(UnableToAccessDatabaseException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("Maybe another SMO server uses this directory");
            assertThat(PostgresGraphStore.create(db.dataSource()).list(null)).isEmpty();
        } finally {
            TestDirectories.delete(dir);
        }
    }

    @Test
    void aServerOrphanedByAKilledJvmIsStoppedAndItsDataKept() throws Exception {
        Path dir = TestDirectories.fresh("crash");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedCrashMain.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(awaitReady(child)).as("child JVM said READY").isTrue();
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            long orphan = Long.parseLong(
                    Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                    .as("orphaned postmaster")
                    .contains(true);

            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
                PostgresGraphStore store = PostgresGraphStore.create(db.dataSource());
                assertThat(store.find("survivor").orElseThrow().service("web")).isPresent();
                assertThat(store.events("survivor"))
                        .extracting(GraphEvent::message)
                        .containsExactly("written before the crash");
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                        .isFalse();
            }
        } finally {
            child.destroyForcibly();
            TestDirectories.delete(dir);
        }
    }

    private static boolean awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            if (line.equals("READY")) {
                return true;
            }
        }
        return false;
    }
}
