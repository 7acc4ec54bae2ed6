package dev.smo.persistence.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a PostgreSQL left running on a data directory by a JVM that was killed: the postmaster outlives it, keeps
 * the port and its {@code postmaster.pid}, and a new server on that directory would refuse to start.
 *
 * <p>zonky holds a file lock ({@code epg-lock}) while it runs a server; the operating system drops it when the JVM
 * dies. A postmaster whose directory is not locked therefore has no live owner.
 */
final class OrphanedPostmaster {

    private static final String LOCK_FILE = "epg-lock";
    private static final long STOP_WAIT_SECONDS = 20;

    private OrphanedPostmaster() {}

    static void stopIfAny(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster(pidFile);
        if (postmaster.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(
                dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL (pid "
                        + postmaster.get().pid() + ") on this directory belongs to a running process");
            }
            try {
                stop(postmaster.get());
            } finally {
                lock.release();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        if (!awaitExit(postmaster)) {
            postmaster.destroyForcibly();
            if (!awaitExit(postmaster)) {
                throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") did not stop within "
                        + 2 * STOP_WAIT_SECONDS + " s");
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + process.pid() + ")", e);
        }
    }
}
