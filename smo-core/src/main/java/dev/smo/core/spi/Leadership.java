package dev.smo.core.spi;

import java.util.OptionalLong;

/**
 * Which replica of SMO leads. Every replica serves requests; background work (the scaling loop, finishing work a
 * replica that stopped left half done, NFVCL sync) runs only on the leader, and each of its side effects is checked
 * against the leader's term first.
 *
 * <p>A term is numbered by its <em>epoch</em>, which grows with every change of leader: a fencing token. A replica
 * leads while its lease is valid by its own monotonic clock, which never runs past the store's expiry of the lease;
 * a replica that cannot renew in time (paused, cut off from the store) stops leading at once.
 *
 * <p>Every replica also keeps a heartbeat: work a request started is finished by the replica that accepted it while
 * that replica is {@link #alive()}, and taken over by the leader once its heartbeat has expired.
 */
public interface Leadership extends AutoCloseable {

    /** @return this replica's id, unique among the replicas sharing a store */
    String replica();

    /**
     * @return the epoch of this replica's term while it leads now, or empty; two calls may differ (the lease can
     *     be lost or won in between), so a caller keeps the epoch it started with and compares
     */
    OptionalLong epoch();

    /**
     * @param epoch the epoch a piece of background work started under
     * @return whether this replica still leads in that term
     */
    default boolean leads(long epoch) {
        OptionalLong now = epoch();
        return now.isPresent() && now.getAsLong() == epoch;
    }

    /**
     * @return whether the lease is kept in the graph store, so that the store can check the epoch a write carries
     *     ({@link GraphStore#as(Writer)}); a process that leads alone keeps none
     */
    default boolean leaseInStore() {
        return false;
    }

    /** @return whether this replica's heartbeat is valid now, by its own monotonic clock */
    boolean alive();

    /** Gives the lease up, so another replica takes over without waiting for it to expire. */
    @Override
    void close();
}
