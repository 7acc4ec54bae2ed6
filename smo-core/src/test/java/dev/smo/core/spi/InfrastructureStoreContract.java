package dev.smo.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ClusterProvision;
import dev.smo.core.NfvclCluster;
import dev.smo.core.NfvclClusterChangedException;
import dev.smo.core.NfvclClusterNotFoundException;
import dev.smo.core.Vim;
import dev.smo.core.VimAlreadyExistsException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link InfrastructureStore} must have. Implementations extend this class and supply an empty
 * store.
 */
public abstract class InfrastructureStoreContract {

    protected InfrastructureStore store;

    /** @return a store holding no VIMs and no clusters */
    protected abstract InfrastructureStore emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    public static Vim vim(String name, int popArea) {
        return new Vim(
                0,
                name,
                Vim.nfvclName(name),
                popArea,
                "https://keystone.example:5000/v3",
                "smo",
                List.of(
                        new Nfvcl.Network("mgmt-" + popArea, "10.1.0.0/24", "10.1.0.1"),
                        new Nfvcl.Network("svc-" + popArea, null, null)),
                true,
                false,
                null,
                null);
    }

    public static NfvclCluster cluster(String smoId, int popArea, NfvclCluster.Status status) {
        return new NfvclCluster(
                smoId,
                Optional.of("B" + smoId.substring(smoId.length() - 5).toUpperCase(java.util.Locale.ROOT)),
                popArea,
                "Pop-" + popArea,
                "mgmt-" + popArea,
                "svc-" + popArea,
                Optional.of(new Nfvcl.Flavor(4, 8192, 40)),
                Optional.empty(),
                2,
                status,
                Optional.of("task-1"),
                Optional.empty(),
                Instant.EPOCH,
                Instant.EPOCH,
                0);
    }

    @Test
    void insertedVimComesBackByIdAndByEitherName() {
        Vim stored = store.insertVim(vim("Pop-Area-1", 1), Optional.of("hunter2"));

        assertThat(stored.id()).isPositive();
        assertThat(stored.createdAt()).isNotNull().isEqualTo(stored.updatedAt());
        assertThat(store.vim(stored.id())).contains(stored);
        assertThat(store.vimNamed("Pop-Area-1")).contains(stored);
        assertThat(store.vimNamed("pop_area_1")).contains(stored);
        assertThat(store.vimNamed("Pop-Area-2")).isEmpty();
        assertThat(store.vim(stored.id() + 1)).isEmpty();
        assertThat(stored.networks())
                .containsExactly(
                        new Nfvcl.Network("mgmt-1", "10.1.0.0/24", "10.1.0.1"), new Nfvcl.Network("svc-1", null, null));
        assertThat(stored.managementNetwork()).contains("mgmt-1");
        assertThat(stored.serviceNetwork()).contains("svc-1");
        assertThat(stored.insecure()).isTrue();
        assertThat(stored.useFloatingIp()).isFalse();
    }

    @Test
    void vimNamesAreUniqueAsTheNfvclSpellsThem() {
        store.insertVim(vim("Pop-Area-1", 1), Optional.empty());

        assertThatThrownBy(() -> store.insertVim(vim("Pop-Area-1", 2), Optional.empty()))
                .isInstanceOf(VimAlreadyExistsException.class)
                .hasMessageContaining("Pop-Area-1");
        assertThatThrownBy(() -> store.insertVim(vim("pop_area_1", 2), Optional.empty()))
                .isInstanceOf(VimAlreadyExistsException.class);
        assertThat(store.vims(OptionalInt.empty())).hasSize(1);
    }

    @Test
    void popAreaFilterReturnsEveryVimOfTheArea() {
        Vim a = store.insertVim(vim("a", 1), Optional.empty());
        store.insertVim(vim("b", 2), Optional.empty());
        Vim c = store.insertVim(vim("c", 1), Optional.empty());

        assertThat(store.vims(OptionalInt.of(1))).containsExactly(a, c);
        assertThat(store.vims(OptionalInt.of(3))).isEmpty();
        assertThat(store.vims(OptionalInt.empty())).hasSize(3);
    }

    @Test
    void passwordIsGivenBackOnlyByIdAndGoesWithTheVim() {
        Vim with = store.insertVim(vim("a", 1), Optional.of("s3cret-ü"));
        Vim without = store.insertVim(vim("b", 1), Optional.empty());

        assertThat(store.vimPassword(with.id())).contains("s3cret-ü");
        assertThat(store.vimPassword(without.id())).isEmpty();
        assertThat(with.toString()).doesNotContain("s3cret");

        assertThat(store.deleteVim(with.id())).isTrue();
        assertThat(store.deleteVim(with.id())).isFalse();
        assertThat(store.vimPassword(with.id())).isEmpty();
        assertThat(store.vim(with.id())).isEmpty();
    }

    @Test
    void clusterRoundTripsEveryField() {
        NfvclCluster stored = store.insertCluster(cluster("OS_K8S_1_abcde", 1, NfvclCluster.Status.DEPLOYING));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.createdAt()).isAfter(Instant.EPOCH).isEqualTo(stored.updatedAt());
        assertThat(store.cluster("OS_K8S_1_abcde")).contains(stored);
        assertThat(stored.masterFlavor()).contains(new Nfvcl.Flavor(4, 8192, 40));
        assertThat(stored.workerFlavor()).isEmpty();
        assertThat(stored.nfvclId()).contains("BABCDE");
        assertThat(stored.taskId()).contains("task-1");
        assertThat(stored.lastError()).isEmpty();

        NfvclCluster failed = store.updateCluster(stored.withStatus(NfvclCluster.Status.FAILED, Optional.of("boom"))
                .withBlueprint(Optional.empty(), Optional.empty())
                .withWorkers(5));
        assertThat(failed.version()).isEqualTo(2);
        assertThat(failed.createdAt()).isEqualTo(stored.createdAt());
        assertThat(store.cluster("OS_K8S_1_abcde")).contains(failed);
        assertThat(failed.status()).isEqualTo(NfvclCluster.Status.FAILED);
        assertThat(failed.lastError()).contains("boom");
        assertThat(failed.nfvclId()).isEmpty();
        assertThat(failed.taskId()).isEmpty();
        assertThat(failed.workers()).isEqualTo(5);
    }

    @Test
    void staleClusterWritesAreRefused() {
        NfvclCluster first = store.insertCluster(cluster("OS_K8S_1_abcde", 1, NfvclCluster.Status.REQUESTED));
        store.updateCluster(first.withStatus(NfvclCluster.Status.DEPLOYING, Optional.empty()));

        assertThatThrownBy(() -> store.updateCluster(first.withStatus(NfvclCluster.Status.FAILED, Optional.empty())))
                .isInstanceOf(NfvclClusterChangedException.class)
                .hasMessageContaining("OS_K8S_1_abcde");
        assertThatThrownBy(() -> store.deleteCluster("OS_K8S_1_abcde", 1))
                .isInstanceOf(NfvclClusterChangedException.class);
        assertThat(store.cluster("OS_K8S_1_abcde").orElseThrow().status()).isEqualTo(NfvclCluster.Status.DEPLOYING);
        assertThatThrownBy(() -> store.insertCluster(cluster("OS_K8S_1_abcde", 1, NfvclCluster.Status.REQUESTED)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.insertCluster(cluster("OS_K8S_2_abcde", 2, NfvclCluster.Status.REQUESTED)))
                .as("one blueprint, one cluster")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletedClusterIsGone() {
        store.insertCluster(cluster("OS_K8S_1_abcde", 1, NfvclCluster.Status.READY));

        store.deleteCluster("OS_K8S_1_abcde", 1);

        assertThat(store.cluster("OS_K8S_1_abcde")).isEmpty();
        assertThatThrownBy(() -> store.deleteCluster("OS_K8S_1_abcde", 1))
                .isInstanceOf(NfvclClusterNotFoundException.class);
        assertThatThrownBy(() -> store.updateCluster(cluster("OS_K8S_1_abcde", 1, NfvclCluster.Status.READY)))
                .isInstanceOf(NfvclClusterNotFoundException.class);
    }

    @Test
    void clustersAreListedByPopArea() {
        store.insertCluster(cluster("OS_K8S_2_bbbbb", 2, NfvclCluster.Status.READY));
        store.insertCluster(cluster("OS_K8S_1_aaaaa", 1, NfvclCluster.Status.READY));
        store.insertCluster(cluster("OS_K8S_1_ccccc", 1, NfvclCluster.Status.FAILED));

        assertThat(store.clusters(OptionalInt.of(1)))
                .extracting(NfvclCluster::smoId)
                .containsExactly("OS_K8S_1_aaaaa", "OS_K8S_1_ccccc");
        assertThat(store.clusters(OptionalInt.empty()))
                .extracting(NfvclCluster::smoId)
                .containsExactly("OS_K8S_1_aaaaa", "OS_K8S_1_ccccc", "OS_K8S_2_bbbbb");
    }

    public static ClusterProvision provision(String smoId, String graph) {
        return new ClusterProvision(
                smoId,
                graph,
                smoId.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                ClusterProvision.State.REQUESTED,
                Instant.parse("2026-12-02T10:00:00Z"),
                Optional.empty(),
                Instant.EPOCH,
                Instant.EPOCH,
                0);
    }

    @Test
    void provisionRoundTripsEveryFieldAndMovesOnWithItsVersion() {
        ClusterProvision stored = store.insertProvision(provision("OS_K8S_1_abcde", "shop"));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.createdAt()).isAfter(Instant.EPOCH).isEqualTo(stored.updatedAt());
        assertThat(stored.deadline()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(stored.memberName()).isEqualTo("os-k8s-1-abcde");
        assertThat(store.provisions("shop")).containsExactly(stored);

        ClusterProvision joining =
                store.updateProvision(stored.with(ClusterProvision.State.JOINING, Optional.of("ClusterNotReady")));
        assertThat(joining.version()).isEqualTo(2);
        assertThat(joining.createdAt()).isEqualTo(stored.createdAt());
        assertThat(store.provisions(null)).containsExactly(joining);
        assertThat(joining.detail()).contains("ClusterNotReady");
        assertThat(joining.state().isOpen()).isTrue();

        assertThatThrownBy(() -> store.updateProvision(stored.with(ClusterProvision.State.FAILED, Optional.empty())))
                .isInstanceOf(NfvclClusterChangedException.class);
        assertThatThrownBy(() -> store.insertProvision(provision("OS_K8S_1_abcde", "other")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.updateProvision(provision("OS_K8S_9_zzzzz", "shop")))
                .isInstanceOf(NfvclClusterChangedException.class);
    }

    @Test
    void provisionsAreListedPerGraphOldestFirst() {
        ClusterProvision first = store.insertProvision(provision("OS_K8S_2_bbbbb", "shop"));
        ClusterProvision other = store.insertProvision(provision("OS_K8S_1_aaaaa", "blog"));
        ClusterProvision second = store.insertProvision(provision("OS_K8S_1_ccccc", "shop"));

        assertThat(store.provisions("shop")).containsExactly(first, second);
        assertThat(store.provisions("blog")).containsExactly(other);
        assertThat(store.provisions("none")).isEmpty();
        assertThat(store.provisions(null)).hasSize(3);
    }
}
