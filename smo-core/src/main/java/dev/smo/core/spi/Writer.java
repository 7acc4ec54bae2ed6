package dev.smo.core.spi;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who writes to a {@link GraphStore}: the replica doing the work and, for the leader's background work, the epoch
 * of its term. A store shared by several replicas records the replica with each graph it writes (the leader takes
 * over work of replicas whose heartbeat expired), and refuses a write that carries an epoch no longer current.
 *
 * @param replica the writing replica's id
 * @param epoch the leader's term the write belongs to, or empty for work a request started
 */
public record Writer(String replica, OptionalLong epoch) {

    public Writer {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(epoch, "epoch");
    }

    /**
     * @param replica the replica's id
     * @return a writer for work a request started on that replica
     */
    public static Writer replica(String replica) {
        return new Writer(replica, OptionalLong.empty());
    }

    /**
     * @param replica the leader's id
     * @param epoch the epoch of its term
     * @return a writer whose writes are refused once that term is over
     */
    public static Writer leader(String replica, long epoch) {
        return new Writer(replica, OptionalLong.of(epoch));
    }
}
