package dev.smo.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ClusterRequest;
import dev.smo.core.ClusterSync;
import dev.smo.core.IllegalTransitionException;
import dev.smo.core.Infrastructure;
import dev.smo.core.NfvclCluster;
import dev.smo.core.NfvclCluster.Status;
import dev.smo.core.NfvclException;
import dev.smo.core.Vim;
import dev.smo.core.VimAlreadyExistsException;
import dev.smo.core.VimNotFoundException;
import dev.smo.core.local.InMemoryInfrastructureStore;
import dev.smo.core.spi.Nfvcl;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultInfrastructureTest {

    private final FakeNfvcl nfvcl = new FakeNfvcl();
    private final InMemoryInfrastructureStore store = new InMemoryInfrastructureStore();
    private final Infrastructure infra = Infrastructure.create(nfvcl, store);

    static Nfvcl.VimSpec vim(String name, int area) {
        return new Nfvcl.VimSpec(
                name,
                "https://keystone/v3",
                "smo",
                "hunter2",
                true,
                false,
                area,
                new Nfvcl.Network("mgmt-" + area, "10.1.0.0/24", "10.1.0.1"),
                new Nfvcl.Network("svc-" + area, "10.2.0.0/24", "10.2.0.1"));
    }

    @Test
    void popAreaFilterReturnsEveryVimOfTheAreaNotTheFirstOnly() {
        infra.registerVim(vim("a", 1));
        infra.registerVim(vim("b", 2));
        infra.registerVim(vim("c", 1));

        assertThat(infra.vims(OptionalInt.of(1))).extracting(Vim::name).containsExactly("a", "c");
        assertThat(infra.vims(OptionalInt.of(9))).isEmpty();
        assertThat(infra.vims(OptionalInt.empty())).hasSize(3);
    }

    @Test
    void registeredVimKeepsItsPasswordOutOfTheRecord() {
        Vim v = infra.registerVim(vim("Pop-Area-1", 1));

        assertThat(v.nfvclName()).isEqualTo("pop_area_1");
        assertThat(v.toString()).doesNotContain("hunter2");
        assertThat(store.vimPassword(v.id())).contains("hunter2");
        assertThatThrownBy(() -> infra.registerVim(vim("pop_area_1", 1))).isInstanceOf(VimAlreadyExistsException.class);
        assertThat(nfvcl.registered).hasSize(1);
    }

    @Test
    void anNfvclRefusalThatEchoesThePasswordIsRedacted() {
        nfvcl.failRegister = new NfvclException(
                422,
                "The NFVCL answered 422 to POST /v1/topology/vim: [{\"loc\": [\"body\", \"vim_password\"], "
                        + "\"input\": \"hunter2\"}]",
                null);

        assertThatThrownBy(() -> infra.registerVim(vim("a", 1)))
                .isInstanceOf(NfvclException.class)
                .hasMessageContaining("\"input\": \"***\"")
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(((NfvclException) e).status()).isEqualTo(422));
        assertThat(infra.vims(OptionalInt.empty())).isEmpty();
    }

    @Test
    void syncImportsUnknownVimsAndRegistersLostOnesAgain() {
        Vim known = infra.registerVim(vim("known", 1));
        nfvcl.vims.clear(); // the NFVCL lost its topology
        nfvcl.vims.put("other", new Nfvcl.NfvclVim("other", "https://x/v3", List.of(3), List.of("m", "s"), true));

        var sync = infra.syncVims();

        assertThat(sync.added()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("other");
            assertThat(v.popArea()).isEqualTo(3);
            assertThat(v.serviceNetwork()).contains("s");
        });
        assertThat(sync.reregistered()).containsExactly(known);
        assertThat(nfvcl.registered)
                .last()
                .satisfies(s -> assertThat(s.password()).isEqualTo("hunter2"));
        assertThat(nfvcl.vims).containsKey("known");
        nfvcl.vims.remove("other");
        assertThat(infra.syncVims().missing()).extracting(Vim::name).containsExactly("other");
    }

    @Test
    void clusterOnAVimOfAnotherAreaOrAnUnknownVimIsRefused() {
        infra.registerVim(vim("a", 1));

        assertThatThrownBy(() -> infra.createCluster(ClusterRequest.of(2, "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serves pop area 1, not pop area 2");
        assertThatThrownBy(() -> infra.createCluster(ClusterRequest.of(1, "nope")))
                .isInstanceOf(VimNotFoundException.class);
        assertThat(infra.clusters(OptionalInt.empty())).isEmpty();
    }

    @Test
    void createdClusterIsDeployingThenReadyThenScaledThenDeleted() {
        infra.registerVim(vim("a", 1));

        NfvclCluster c = infra.createCluster(ClusterRequest.of(1, "a"));
        assertThat(c.smoId()).matches("OS_K8S_1_[A-Za-z]{5}");
        assertThat(c.status()).isEqualTo(Status.DEPLOYING);
        assertThat(c.nfvclId()).contains("BP0001");
        assertThat(c.taskId()).contains("t-BP0001");
        assertThatThrownBy(() -> infra.scaleOut(c.smoId(), 1)).isInstanceOf(IllegalTransitionException.class);

        nfvcl.set("BP0001", "idle", null, 1);
        assertThat(infra.syncClusters(OptionalInt.empty()).updated())
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.status()).isEqualTo(Status.READY);
                    assertThat(u.workers()).isEqualTo(1);
                    assertThat(u.taskId()).isEmpty();
                });

        assertThat(infra.scaleOut(c.smoId(), 2).status()).isEqualTo(Status.DEPLOYING);
        nfvcl.set("BP0001", "idle", null, 3);
        infra.syncClusters(OptionalInt.of(1));
        assertThat(infra.cluster(c.smoId()).workers()).isEqualTo(3);
        assertThat(infra.cluster(c.smoId()).status()).isEqualTo(Status.READY);

        assertThat(infra.deleteCluster(c.smoId()).status()).isEqualTo(Status.DELETING);
        assertThat(nfvcl.deleted).containsExactly("BP0001");
        assertThat(infra.syncClusters(OptionalInt.empty()).updated()).isEmpty();
        nfvcl.blueprints.clear();
        ClusterSync gone = infra.syncClusters(OptionalInt.empty());
        assertThat(gone.removed()).extracting(NfvclCluster::smoId).containsExactly(c.smoId());
        assertThat(infra.clusters(OptionalInt.empty())).isEmpty();
    }

    static Stream<Arguments> blueprintStates() {
        return Stream.of(
                Arguments.of("idle, no error", "idle", null, true, Status.READY, null),
                Arguments.of("idle with error", "idle", "quota exceeded", true, Status.FAILED, "quota exceeded"),
                Arguments.of("still deploying", "deploying", null, true, Status.DEPLOYING, null),
                Arguments.of("destroyed by someone", "destroying", null, true, Status.DELETING, null),
                Arguments.of("blueprint gone", null, null, true, Status.FAILED, "is gone from the NFVCL"),
                Arguments.of("task forgotten, still deploying", "deploying", null, false, Status.DEPLOYING, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blueprintStates")
    void syncTakesTheBlueprintAsTheTruth(
            String name, String operation, String error, boolean taskKnown, Status expected, String expectedError) {
        infra.registerVim(vim("a", 1));
        NfvclCluster c = infra.createCluster(ClusterRequest.of(1, "a"));
        if (operation == null) {
            nfvcl.blueprints.clear();
        } else {
            nfvcl.set("BP0001", operation, error, 1);
        }
        if (!taskKnown) {
            nfvcl.tasks.clear();
        }

        infra.syncClusters(OptionalInt.empty());

        NfvclCluster synced = infra.cluster(c.smoId());
        assertThat(synced.status()).isEqualTo(expected);
        if (expectedError == null) {
            assertThat(synced.lastError()).isEmpty();
        } else {
            assertThat(synced.lastError()).hasValueSatisfying(e -> assertThat(e).contains(expectedError));
        }
        if (!taskKnown) {
            assertThat(synced.taskId()).as("a task the NFVCL forgot is dropped").isEmpty();
        }
    }

    @Test
    void taskErrorFailsABusyClusterEarly() {
        infra.registerVim(vim("a", 1));
        NfvclCluster c = infra.createCluster(ClusterRequest.of(1, "a"));
        nfvcl.tasks.put("t-BP0001", new Nfvcl.TaskStatus("t-BP0001", true, Optional.of("VM creation failed")));

        infra.syncClusters(OptionalInt.empty());

        assertThat(infra.cluster(c.smoId()).status()).isEqualTo(Status.FAILED);
        assertThat(infra.cluster(c.smoId()).lastError()).contains("VM creation failed");
    }

    @Test
    void refusedCreationIsStoredFailedButUnansweredStaysRequestedAndReconcileFinishesIt() {
        infra.registerVim(vim("a", 1));
        nfvcl.failCreate = new NfvclException(422, "NFVCL refused: extra field", null);
        assertThatThrownBy(() -> infra.createCluster(ClusterRequest.of(1, "a"))).isInstanceOf(NfvclException.class);
        assertThat(infra.clusters(OptionalInt.empty())).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.FAILED);
            assertThat(c.lastError()).contains("NFVCL refused: extra field");
        });

        nfvcl.failCreate = new NfvclException(0, "NFVCL timed out", null);
        assertThatThrownBy(() -> infra.createCluster(ClusterRequest.of(1, "a"))).isInstanceOf(NfvclException.class);
        NfvclCluster pending = infra.clusters(OptionalInt.empty()).stream()
                .filter(c -> c.status() == Status.REQUESTED)
                .findFirst()
                .orElseThrow();

        nfvcl.failCreate = null;
        infra.reconcile();

        NfvclCluster resumed = infra.cluster(pending.smoId());
        assertThat(resumed.status()).isEqualTo(Status.DEPLOYING);
        assertThat(resumed.nfvclId()).isPresent();
    }

    @Test
    void reconcileAdoptsTheOrphanBlueprintOfARequestedCluster() {
        infra.registerVim(vim("a", 1));
        NfvclCluster requested = store.insertCluster(new NfvclCluster(
                "OS_K8S_1_abcde",
                Optional.empty(),
                1,
                "a",
                "mgmt-1",
                "svc-1",
                Optional.empty(),
                Optional.empty(),
                1,
                Status.REQUESTED,
                Optional.empty(),
                Optional.empty(),
                null,
                null,
                0));
        nfvcl.blueprints.put("ORPHAN", new Nfvcl.Blueprint("ORPHAN", "idle", Optional.empty(), Optional.of(1), 1));
        nfvcl.blueprints.put("ELSEWH", new Nfvcl.Blueprint("ELSEWH", "idle", Optional.empty(), Optional.of(2), 2));

        ClusterSync sync = infra.reconcile();

        NfvclCluster adopted = infra.cluster(requested.smoId());
        assertThat(adopted.nfvclId()).contains("ORPHAN");
        assertThat(adopted.status()).isEqualTo(Status.READY);
        assertThat(sync.added()).singleElement().satisfies(c -> {
            assertThat(c.nfvclId()).contains("ELSEWH");
            assertThat(c.popArea()).isEqualTo(2);
            assertThat(c.workers()).isEqualTo(2);
            assertThat(c.status()).isEqualTo(Status.READY);
        });
        assertThat(nfvcl.blueprints).hasSize(2);
    }

    @Test
    void vimWithClustersIsNotDeleted() {
        Vim v = infra.registerVim(vim("a", 1));
        NfvclCluster c = infra.createCluster(ClusterRequest.of(1, "a"));

        assertThatThrownBy(() -> infra.deleteVim(v.id()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining(c.smoId());
        infra.deleteCluster(c.smoId());
        infra.deleteVim(v.id());
        assertThat(nfvcl.vims).isEmpty();
        assertThatThrownBy(() -> infra.vim(v.id())).isInstanceOf(VimNotFoundException.class);
    }
}
