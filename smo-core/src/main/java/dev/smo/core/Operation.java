package dev.smo.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A lifecycle command that was accepted: the graph as recorded in its transitional state, and the outcome of the
 * work, which runs in the background. The work is recorded before it runs, so a restart finishes it even when
 * this process does not.
 *
 * @param command the command
 * @param accepted the graph in its transitional state ({@code Deploying}, {@code Stopping}, ...)
 * @param outcome completes with the settled graph, or empty when the graph was removed
 */
public record Operation(Command command, StoredGraph accepted, CompletableFuture<Optional<StoredGraph>> outcome) {

    public Operation {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * Waits for the work to end.
     *
     * @param timeout how long to wait at most
     * @return whether it ended (settled, removed or failed) in time
     */
    public boolean await(Duration timeout) {
        try {
            outcome.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /**
     * The outcome of work that ended ({@link #await} returned true), waiting for it otherwise.
     *
     * @return the settled graph, or empty when it was removed
     * @throws RuntimeException the failure of the work (e.g. the store became unreachable), as it was thrown
     */
    public Optional<StoredGraph> result() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + command + " of " + accepted.name(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
