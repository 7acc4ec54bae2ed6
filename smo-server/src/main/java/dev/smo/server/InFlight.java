package dev.smo.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests a server is answering, for a graceful stop: {@link #drain} refuses new requests (503) and waits for
 * those in flight before the HTTP server, then the store, are stopped.
 */
public final class InFlight {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Object lock = new Object();

    /** No request in flight, not draining. */
    public InFlight() {}

    /** @return whether a new request may start; when it may, it counts until {@link #exit()} */
    public boolean enter() {
        running.incrementAndGet();
        if (draining.get()) {
            exit();
            return false;
        }
        return true;
    }

    /** Marks the end of a request that {@link #enter()} let in. */
    public void exit() {
        if (running.decrementAndGet() == 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** @return the requests being answered now */
    public int running() {
        return running.get();
    }

    /**
     * Refuses new requests from now on and waits for those in flight to finish.
     *
     * @param timeout the longest to wait
     * @return whether every request finished in time
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        draining.set(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }
}
