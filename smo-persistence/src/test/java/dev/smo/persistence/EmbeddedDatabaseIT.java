package dev.smo.persistence;

import static dev.smo.core.spi.GraphStoreContract.graph;
import static dev.smo.core.spi.GraphStoreContract.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.GraphEvent;
import dev.smo.core.GraphStatus;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.spi.GraphStore;
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
            GraphStore store = PostgresGraphStore.create(db.dataSource());
            StoredGraph v1 = store.insert(
                    graph("g1", "p", service("web", ServiceStatus.DEPLOYING, "c1")),
                    List.of(GraphEvent.of("g1", null, Instant.parse("2026-01-01T00:00:00Z"), "A", "a")));
            stored = store.update(v1.withStatus(GraphStatus.RUNNING), List.of());
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThat(Migrations.migrate(db.dataSource())).isZero();
            GraphStore store = PostgresGraphStore.create(db.dataSource());
            assertThat(store.find("g1")).contains(stored);
            assertThat(store.events("g1")).extracting(GraphEvent::type).containsExactly("A");
        } finally {
            TestDirectories.delete(dir);
        }
    }

    @Test
    void connectionsWithoutThePasswordAreRefusedAndTheSocketIsPrivate() throws Exception {
        Path dir = TestDirectories.fresh("hardened");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            for (String password : new String[] {null, "", "wrong-password"}) {
                org.postgresql.ds.PGSimpleDataSource plain = new org.postgresql.ds.PGSimpleDataSource();
                plain.setURL(db.jdbcUrl());
                plain.setUser("postgres");
                if (password != null) {
                    plain.setPassword(password);
                }
                assertThatThrownBy(() -> plain.getConnection().close())
                        .as("password " + password)
                        .isInstanceOf(java.sql.SQLException.class);
            }
            try (java.sql.Connection c = db.dataSource().getConnection();
                    java.sql.Statement s = c.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    try (java.sql.ResultSet rs = s.executeQuery("SHOW " + setting)) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }
            Path socket = EmbeddedDatabase.socketDirectory(dir);
            assertThat(java.nio.file.Files.getPosixFilePermissions(socket))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(socket)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith(".s.PGSQL."));
            }
            assertThat(java.nio.file.Files.getPosixFilePermissions(EmbeddedDatabase.passwordFile(dir)))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            assertThat(java.nio.file.Files.readString(dir.resolve("pg_hba.conf")))
                    .doesNotContain("trust")
                    .contains("scram-sha-256");
        } finally {
            TestDirectories.delete(dir);
        }
    }

    @Test
    void fastUnsafeTurnsDurabilityOff() throws Exception {
        Path dir = TestDirectories.fresh("fast");
        try (EmbeddedDatabase db = EmbeddedDatabase.startFastUnsafe(dir, 0);
                java.sql.Connection c = db.dataSource().getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SHOW fsync")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("off");
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
                GraphStore store = PostgresGraphStore.create(db.dataSource());
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
