package dev.smo.persistence.internal;

import dev.smo.core.spi.Leadership;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The leader's lease and this replica's heartbeat, renewed every third of their time to live. Both expire by the
 * database's clock; locally each is valid until the moment its renewal was sent plus the time to live, less a
 * tenth: a local deadline that never lies past the database's expiry, measured on the monotonic clock (it keeps
 * running while the process is paused). A renewal that fails or comes too late simply lets the deadlines pass.
 */
public final class DefaultPostgresLeadership implements Leadership {

    private static final System.Logger LOG = System.getLogger(DefaultPostgresLeadership.class.getName());

    /** The name of SMO's lease row. */
    public static final String LEASE = "smo";

    /** A term as this replica sees it: its epoch, valid until {@code deadline} ({@link System#nanoTime()}). */
    private record Term(long epoch, long deadline) {}

    private final Jdbi jdbi;
    private final String lease;
    private final String replica;
    private final Duration ttl;
    private final long validNanos;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> renewals;
    private volatile Term term;
    private volatile long aliveUntil;
    private volatile boolean anyBeat;
    private String lastFailure;

    public DefaultPostgresLeadership(DataSource dataSource, String lease, String replica, Duration ttl) {
        this.jdbi = Jdbi.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.lease = Objects.requireNonNull(lease, "lease");
        this.replica = Objects.requireNonNull(replica, "replica");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.validNanos = ttl.toNanos() - ttl.toNanos() / 10;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smo-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /** Renews once now, then every third of the time to live. */
    public DefaultPostgresLeadership start() {
        renew();
        long period = Math.max(1, ttl.toMillis() / 3);
        renewals = timer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One renewal of the heartbeat and the lease. Never throws, so the schedule goes on. */
    void renew() {
        long sent = System.nanoTime();
        try {
            Long epoch = jdbi.withHandle(h -> {
                LeaseRows.beat(h, replica, ttl);
                return LeaseRows.acquire(h, lease, replica, ttl).orElse(0L);
            });
            aliveUntil = sent + validNanos;
            anyBeat = true;
            Term before = term;
            term = epoch == 0 ? null : new Term(epoch, sent + validNanos);
            if (epoch != 0 && (before == null || before.epoch() != epoch)) {
                LOG.log(
                        Level.INFO,
                        "Replica (" + replica + ") holds the lease (" + lease + ") at epoch " + epoch + ".");
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            String message = Exceptions.rootMessage(e);
            if (!message.equals(lastFailure)) {
                LOG.log(Level.WARNING, "Replica (" + replica + ") cannot renew its lease; retrying: " + message);
            }
            lastFailure = message;
        }
    }

    @Override
    public String replica() {
        return replica;
    }

    @Override
    public OptionalLong epoch() {
        Term t = term;
        return t != null && System.nanoTime() - t.deadline() < 0 ? OptionalLong.of(t.epoch()) : OptionalLong.empty();
    }

    @Override
    public boolean leaseInStore() {
        return true;
    }

    @Override
    public boolean alive() {
        return anyBeat && System.nanoTime() - aliveUntil < 0;
    }

    @Override
    public void close() {
        if (renewals != null) {
            renewals.cancel(false);
        }
        timer.shutdownNow();
        term = null;
        try {
            jdbi.useHandle(h -> {
                LeaseRows.release(h, lease, replica);
                LeaseRows.leave(h, replica);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Replica (" + replica + ") could not give its lease up; it expires in " + ttl);
        }
    }
}
