package dev.smo.server;

import dev.smo.core.ClusterSync;
import dev.smo.core.Infrastructure;
import dev.smo.core.LeadershipLostException;
import dev.smo.core.NfvclCluster;
import dev.smo.core.local.SoleLeadership;
import dev.smo.core.spi.Leadership;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Syncs the NFVCL clusters on a period while one of them is busy (requested, deploying, deleting), so their status
 * moves on without a client calling {@code POST /os_k8s/sync/nfvcl_k8s}. A failing round is logged and the next
 * one tries again; an idle round costs one read of the store. With several replicas only the leader syncs, and it
 * checks its term right before the sync; a replica that starts leading first reconciles what a restart of SMO or of
 * the NFVCL left mid-way.
 */
final class ClusterSyncLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterSyncLoop.class.getName());

    private final Infrastructure infrastructure;
    private final Leadership leadership;
    private final ScheduledExecutorService timer;
    /** The term whose start was reconciled, 0 before any. */
    private long reconciled;

    private ScheduledFuture<?> rounds;
    private String lastFailure;

    private ClusterSyncLoop(Infrastructure infrastructure, Leadership leadership) {
        this.infrastructure = infrastructure;
        this.leadership = leadership;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smo-nfvcl-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param infrastructure the clusters to follow
     * @param interval the period, positive
     * @return the running loop; close it to stop it
     */
    static ClusterSyncLoop start(Infrastructure infrastructure, Duration interval) {
        return start(infrastructure, interval, new SoleLeadership());
    }

    /**
     * @param infrastructure the clusters to follow
     * @param interval the period, positive
     * @param leadership whether this replica leads: only the leader syncs
     * @return the running loop; close it to stop it
     */
    static ClusterSyncLoop start(Infrastructure infrastructure, Duration interval, Leadership leadership) {
        ClusterSyncLoop loop = new ClusterSyncLoop(infrastructure, leadership);
        // A replica leading as it starts reconciles at start (smo serve); the loop reconciles each later term.
        loop.reconciled = leadership.epoch().orElse(0);
        long millis = interval.toMillis();
        loop.rounds = loop.timer.scheduleWithFixedDelay(loop::round, millis, millis, TimeUnit.MILLISECONDS);
        return loop;
    }

    /** One round: a sync when a cluster is busy. Never throws, so the schedule goes on. */
    void round() {
        OptionalLong epoch = leadership.epoch();
        if (epoch.isEmpty()) {
            return;
        }
        try {
            if (reconciled != epoch.getAsLong()) {
                check(epoch.getAsLong(), "reconcile the NFVCL clusters");
                ClusterSync sync = infrastructure.reconcile();
                reconciled = epoch.getAsLong();
                LOG.log(
                        Level.INFO,
                        "NFVCL reconcile at epoch " + reconciled + ": "
                                + sync.added().size() + " cluster(s) added, "
                                + sync.updated().size() + " updated, "
                                + sync.removed().size() + " removed.");
            }
            boolean busy = infrastructure.clusters(OptionalInt.empty()).stream()
                    .map(NfvclCluster::status)
                    .anyMatch(NfvclCluster.Status::isBusy);
            if (busy) {
                check(epoch.getAsLong(), "sync the NFVCL clusters");
                infrastructure.syncClusters(OptionalInt.empty());
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(lastFailure)) {
                LOG.log(Level.WARNING, "NFVCL cluster sync failed; retrying: " + message);
            }
            lastFailure = message;
        }
    }

    /** Right before a side effect: a replica whose term ended does nothing. */
    private void check(long epoch, String what) {
        if (!leadership.leads(epoch)) {
            throw new LeadershipLostException(leadership.replica(), what);
        }
    }

    @Override
    public void close() {
        rounds.cancel(false);
        timer.shutdownNow();
    }
}
