package dev.smo.server;

import dev.smo.core.Infrastructure;
import dev.smo.core.NfvclCluster;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Syncs the NFVCL clusters on a period while one of them is busy (requested, deploying, deleting), so their status
 * moves on without a client calling {@code POST /os_k8s/sync/nfvcl_k8s}. A failing round is logged and the next
 * one tries again; an idle round costs one read of the store.
 */
final class ClusterSyncLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterSyncLoop.class.getName());

    private final Infrastructure infrastructure;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> rounds;
    private String lastFailure;

    private ClusterSyncLoop(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
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
        ClusterSyncLoop loop = new ClusterSyncLoop(infrastructure);
        long millis = interval.toMillis();
        loop.rounds = loop.timer.scheduleWithFixedDelay(loop::round, millis, millis, TimeUnit.MILLISECONDS);
        return loop;
    }

    /** One round: a sync when a cluster is busy. Never throws, so the schedule goes on. */
    void round() {
        try {
            boolean busy = infrastructure.clusters(OptionalInt.empty()).stream()
                    .map(NfvclCluster::status)
                    .anyMatch(NfvclCluster.Status::isBusy);
            if (busy) {
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

    @Override
    public void close() {
        rounds.cancel(false);
        timer.shutdownNow();
    }
}
