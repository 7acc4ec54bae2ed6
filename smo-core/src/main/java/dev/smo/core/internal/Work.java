package dev.smo.core.internal;

import dev.smo.core.LeadershipLostException;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.Leadership;
import dev.smo.core.spi.Writer;
import java.util.function.BooleanSupplier;

/**
 * Where a piece of work writes and what it checks right before each side effect (a Helm call, a scale, rules,
 * dashboards). Work a request started writes as its replica and goes on while the replica's heartbeat is valid;
 * the leader's background work writes with its epoch, which the store checks, and goes on while that term lasts.
 *
 * @param store the store view the work writes through
 * @param replica the replica doing the work
 * @param valid whether the work may still act
 */
record Work(GraphStore store, String replica, BooleanSupplier valid) {

    /** Work a request started on this replica. */
    static Work request(GraphStore shared, Leadership leadership) {
        return new Work(shared.as(Writer.replica(leadership.replica())), leadership.replica(), leadership::alive);
    }

    /** The leader's background work in the term of {@code epoch}. */
    static Work leader(GraphStore shared, Leadership leadership, long epoch) {
        Writer writer = leadership.leaseInStore()
                ? Writer.leader(leadership.replica(), epoch)
                : Writer.replica(leadership.replica());
        return new Work(shared.as(writer), leadership.replica(), () -> leadership.leads(epoch));
    }

    /**
     * @param what the side effect about to happen, for the message
     * @throws LeadershipLostException when the work may no longer act
     */
    void check(String what) {
        if (!valid.getAsBoolean()) {
            throw new LeadershipLostException(replica, what);
        }
    }
}
