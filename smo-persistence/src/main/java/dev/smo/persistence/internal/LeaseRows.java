package dev.smo.persistence.internal;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code leader_lease} and {@code replicas} tables. Every time comes from the database's clock ({@code now()}),
 * so the replicas' clocks never have to agree.
 */
final class LeaseRows {

    /** The condition a fenced write adds: its epoch is the lease's, and the lease has not expired. */
    static final String FENCE = "EXISTS (SELECT 1 FROM leader_lease WHERE name = :fenceLease "
            + "AND holder = :fenceHolder AND epoch = :fenceEpoch AND expires_at > now())";

    private LeaseRows() {}

    /**
     * Takes or renews the lease in one statement: a holder renews its valid lease in the same term; anyone takes
     * a free or expired lease in a new term (epoch + 1); a valid lease of another holder is left alone.
     *
     * @return the epoch of the holder's term, or empty when another holder's lease is valid
     */
    static Optional<Long> acquire(Handle h, String name, String holder, Duration ttl) {
        return h.createQuery("INSERT INTO leader_lease AS l (name, holder, epoch, acquired_at, expires_at) "
                        + "VALUES (:name, :holder, 1, now(), now() + :ttlMs * interval '1 millisecond') "
                        + "ON CONFLICT (name) DO UPDATE SET "
                        + "epoch = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > now() "
                        + "THEN l.epoch ELSE l.epoch + 1 END, "
                        + "acquired_at = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > now() "
                        + "THEN l.acquired_at ELSE now() END, "
                        + "holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at "
                        + "WHERE l.holder = EXCLUDED.holder OR l.expires_at <= now() "
                        + "RETURNING epoch")
                .bind("name", name)
                .bind("holder", holder)
                .bind("ttlMs", ttl.toMillis())
                .mapTo(Long.class)
                .findOne();
    }

    /** Ends the holder's lease now, so the next replica takes it without waiting; another's lease is untouched. */
    static void release(Handle h, String name, String holder) {
        h.createUpdate("UPDATE leader_lease SET expires_at = now() WHERE name = :name AND holder = :holder "
                        + "AND expires_at > now()")
                .bind("name", name)
                .bind("holder", holder)
                .execute();
    }

    /** Writes the replica's heartbeat, valid for {@code ttl} from the database's now. */
    static void beat(Handle h, String replica, Duration ttl) {
        h.createUpdate("INSERT INTO replicas (id, started_at, expires_at) "
                        + "VALUES (:id, now(), now() + :ttlMs * interval '1 millisecond') "
                        + "ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at")
                .bind("id", replica)
                .bind("ttlMs", ttl.toMillis())
                .execute();
    }

    /** Removes the replica's heartbeat, so the leader takes over what it left at once. */
    static void leave(Handle h, String replica) {
        h.createUpdate("DELETE FROM replicas WHERE id = :id")
                .bind("id", replica)
                .execute();
    }

    /**
     * @return whether the holder's term of that epoch is the lease's current, valid one
     */
    static boolean holds(Handle h, String name, String holder, long epoch) {
        return h.createQuery("SELECT " + FENCE)
                .bind("fenceLease", name)
                .bind("fenceHolder", holder)
                .bind("fenceEpoch", epoch)
                .mapTo(Boolean.class)
                .one();
    }
}
