package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterRequest;
import dev.smo.core.Infrastructure;
import dev.smo.core.NfvclCluster;
import dev.smo.core.local.InMemoryInfrastructureStore;
import dev.smo.core.spi.Nfvcl;
import dev.smo.nfvcl.NfvclClient;
import dev.smo.nfvcl.NfvclConfig;
import dev.smo.nfvcl.NfvclStandIn;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The background sync against the NFVCL stand-in: busy clusters move on by themselves, idle ones cost nothing. */
class ClusterSyncLoopTest {

    private NfvclStandIn nfvcl;
    private Infrastructure infra;

    @BeforeEach
    void start() throws Exception {
        nfvcl = new NfvclStandIn(NfvclStandIn.Release.CURRENT, 3);
        infra = Infrastructure.create(
                NfvclClient.create(NfvclConfig.of(nfvcl.url()).withRetries(0)), new InMemoryInfrastructureStore());
        infra.registerVim(new Nfvcl.VimSpec(
                "pop-1",
                "https://keystone:5000/v3",
                "smo",
                "pw",
                true,
                false,
                1,
                new Nfvcl.Network("mgmt", "10.0.0.0/24", "10.0.0.1"),
                new Nfvcl.Network("svc", "10.0.1.0/24", "10.0.1.1")));
    }

    @AfterEach
    void stop() {
        nfvcl.close();
    }

    @Test
    void aDeployingClusterBecomesReadyWithoutAClientAndFailuresAreRetried() throws Exception {
        String smoId = infra.createCluster(ClusterRequest.of(1, "pop-1")).smoId();
        nfvcl.failNext(2);

        ClusterSyncLoop loop = ClusterSyncLoop.start(infra, Duration.ofMillis(20));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (infra.cluster(smoId).status() != NfvclCluster.Status.READY && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            loop.close();
        }

        assertThat(infra.cluster(smoId).status()).isEqualTo(NfvclCluster.Status.READY);
    }

    @Test
    void aRoundWithNothingBusyDoesNotCallTheNfvcl() throws Exception {
        String smoId = infra.createCluster(ClusterRequest.of(1, "pop-1")).smoId();
        try (ClusterSyncLoop loop = ClusterSyncLoop.start(infra, Duration.ofHours(1))) {
            for (int i = 0; i < 3; i++) {
                loop.round();
            }
            assertThat(infra.cluster(smoId).status()).isEqualTo(NfvclCluster.Status.READY);
            int before = nfvcl.requests().size();

            loop.round();
            loop.round();

            assertThat(nfvcl.requests()).hasSize(before);
        }
    }

    /** Only the leader syncs: a replica that does not lead leaves a busy cluster to it and calls nothing. */
    @Test
    void aReplicaThatDoesNotLeadNeverCallsTheNfvcl() throws Exception {
        String smoId = infra.createCluster(ClusterRequest.of(1, "pop-1")).smoId();
        int before = nfvcl.requests().size();
        dev.smo.core.spi.Leadership follower = new dev.smo.core.spi.Leadership() {
            @Override
            public String replica() {
                return "follower";
            }

            @Override
            public java.util.OptionalLong epoch() {
                return java.util.OptionalLong.empty();
            }

            @Override
            public boolean alive() {
                return true;
            }

            @Override
            public void close() {}
        };
        try (ClusterSyncLoop loop = ClusterSyncLoop.start(infra, Duration.ofHours(1), follower)) {
            for (int i = 0; i < 3; i++) {
                loop.round();
            }
        }

        assertThat(nfvcl.requests()).hasSize(before);
        assertThat(infra.cluster(smoId).status()).isEqualTo(NfvclCluster.Status.DEPLOYING);
    }
}
