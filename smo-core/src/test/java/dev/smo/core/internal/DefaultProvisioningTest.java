package dev.smo.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ClusterInfo;
import dev.smo.core.ClusterProvision;
import dev.smo.core.GraphEvent;
import dev.smo.core.Infrastructure;
import dev.smo.core.NfvclCluster;
import dev.smo.core.Orchestrator;
import dev.smo.core.PlacementFailedException;
import dev.smo.core.Provisioning;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.InMemoryInfrastructureStore;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.ClusterRegistry;
import dev.smo.core.spi.Nfvcl;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provisioning loop's steps on in-memory parts: the NFVCL failing a cluster, a restart, the automatic policy. */
class DefaultProvisioningTest {

    private static final String GRAPH = "g";
    private static final String DESCRIPTOR = """
            hdaGraph:
              id: g
              services:
                - id: a
                  artifact: {ociImage: "oci://r/a", ociConfig: {implementer: Helm, type: Application}}
                  deployment:
                    intent: {compute: {cpu: small, ram: small, storage: none, gpu: {enabled: 'False'}}}
                    trigger: {type: standard}
            """;

    private final AtomicReference<List<ClusterInfo>> clusters =
            new AtomicReference<>(List.of(ClusterInfo.of("c1", 1500, 4L << 30, 0)));
    private final ClusterInventory inventory = new ClusterInventory() {
        @Override
        public List<ClusterInfo> clusters() {
            return clusters.get();
        }

        @Override
        public boolean countsDeployedWorkloads() {
            return false;
        }
    };
    private final InMemoryGraphStore graphs = new InMemoryGraphStore();
    private final InMemoryInfrastructureStore store = new InMemoryInfrastructureStore();
    private final FakeNfvcl nfvcl = new FakeNfvcl();
    private final FakeRegistry registry = new FakeRegistry();
    private Orchestrator smo;
    private Infrastructure infra;

    @BeforeEach
    void deployOnTheOnlyClusterThenLoseIt() {
        smo = Orchestrator.builder().store(graphs).inventory(inventory).build();
        infra = Infrastructure.create(nfvcl, store);
        infra.registerVim(new Nfvcl.VimSpec(
                "pop-3",
                "https://keystone:5000/v3",
                "smo",
                "pw",
                false,
                false,
                3,
                new Nfvcl.Network("mgmt", "10.0.0.0/24", "10.0.0.1"),
                new Nfvcl.Network("svc", "10.0.1.0/24", "10.0.1.1")));
        smo.deploy("p", smo.parse(DESCRIPTOR));
        clusters.set(List.of(ClusterInfo.of("c1", 1500, 4L << 30, 0).withReady(false)));
    }

    @AfterEach
    void close() {
        smo.close();
    }

    private Provisioning loop(boolean auto) {
        return new DefaultProvisioning(
                smo,
                graphs,
                infra,
                store,
                registry,
                new Provisioning.Settings(Duration.ofMinutes(5), Duration.ofSeconds(1), auto),
                Clock.systemUTC());
    }

    @Test
    void aClusterTheNfvclFailsIsDeletedAndTheGraphSaysWhy() {
        Provisioning loop = loop(false);
        ClusterProvision p = loop.request(GRAPH).orElseThrow();
        NfvclCluster cluster = store.cluster(p.smoId()).orElseThrow();
        assertThat(cluster.workers()).isEqualTo(1);
        assertThat(cluster.workerFlavor()).contains(new Nfvcl.Flavor(2, 4096, 40));
        assertThatThrownBy(() -> loop.request(GRAPH))
                .as("one open provisioning per graph")
                .hasMessageContaining("already waits for cluster (" + p.smoId() + ")");

        nfvcl.set(cluster.nfvclId().orElseThrow(), "idle", "Quota exceeded for instances", 0);
        loop.round();

        ClusterProvision failed = loop.provisions(GRAPH).get(0);
        assertThat(failed.state()).isEqualTo(ClusterProvision.State.FAILED);
        assertThat(failed.detail().orElseThrow()).contains("Quota exceeded for instances");
        assertThat(nfvcl.deleted).containsExactly(cluster.nfvclId().get() + " (force)");
        assertThat(registry.left).containsExactly(p.memberName());
        assertThat(last(smo.events(GRAPH)).type()).isEqualTo("PROVISIONING_FAILED");
        assertThat(last(smo.events(GRAPH)).message()).contains("Quota exceeded", "deleted through the NFVCL");
    }

    @Test
    void aRestartedLoopCarriesOnFromWhatIsStoredAndRePlacesOnceTheMemberIsReady() {
        ClusterProvision p = loop(false).request(GRAPH).orElseThrow();
        String blueprint = store.cluster(p.smoId()).orElseThrow().nfvclId().orElseThrow();
        Provisioning first = loop(false);
        first.round();
        assertThat(first.provisions(GRAPH).get(0).state()).isEqualTo(ClusterProvision.State.REQUESTED);

        nfvcl.set(blueprint, "idle", null, 1);
        first.round();
        assertThat(first.provisions(GRAPH).get(0).state()).isEqualTo(ClusterProvision.State.JOINING);
        assertThat(registry.joined)
                .containsEntry(p.memberName(), Map.of("smo.dev/nfvcl-cluster", p.smoId(), "smo.dev/pop-area", "3"));

        // Another process (a restart, a new leader) picks it up from the store.
        Provisioning second = loop(false);
        second.round();
        assertThat(second.provisions(GRAPH).get(0).state()).isEqualTo(ClusterProvision.State.JOINING);
        assertThat(second.provisions(GRAPH).get(0).detail()).contains("ClusterNotReady: not reachable");

        registry.ready.add(p.memberName());
        clusters.set(List.of(
                ClusterInfo.of("c1", 1500, 4L << 30, 0).withReady(false),
                ClusterInfo.of(p.memberName(), 1500, 3L << 30, 0)));
        second.round();

        assertThat(second.provisions(GRAPH).get(0).state()).isEqualTo(ClusterProvision.State.DONE);
        assertThat(store.cluster(p.smoId()).orElseThrow().status()).isEqualTo(NfvclCluster.Status.JOINED);
        assertThat(smo.get(GRAPH).placement()).containsEntry("a", p.memberName());
        assertThat(smo.events(GRAPH).stream().map(GraphEvent::type))
                .containsSubsequence(
                        "PROVISIONING_REQUESTED", "CLUSTER_READY", "CLUSTER_JOINED", "REPLACE_REQUESTED", "PLACED");
    }

    @Test
    void theAutomaticPolicyProvisionsOncePerFailedRePlacement() {
        assertThatThrownBy(() -> smo.replace(GRAPH)).isInstanceOf(PlacementFailedException.class);
        assertThat(last(smo.events(GRAPH)).type()).isEqualTo("REPLACEMENT_FAILED");

        loop(false).round();
        assertThat(store.provisions(GRAPH)).as("off unless asked for").isEmpty();

        Provisioning auto = loop(true);
        auto.round();
        auto.round();

        assertThat(store.provisions(GRAPH)).hasSize(1);
        assertThat(store.clusters(OptionalInt.of(3))).hasSize(1);
        assertThat(smo.events(GRAPH).stream().map(GraphEvent::type)).containsOnlyOnce("PROVISIONING_REQUESTED");
    }

    private static GraphEvent last(List<GraphEvent> events) {
        return events.get(events.size() - 1);
    }

    /** A control plane that joins whatever it is given and reports ready the members the test says. */
    private static final class FakeRegistry implements ClusterRegistry {

        final Map<String, Map<String, String>> joined = new LinkedHashMap<>();
        final List<String> ready = new ArrayList<>();
        final List<String> left = new ArrayList<>();

        @Override
        public void join(String name, String kubeconfig, Map<String, String> labels) {
            joined.put(name, Map.copyOf(labels));
        }

        @Override
        public MemberState state(String name) {
            if (!joined.containsKey(name)) {
                return new MemberState(MemberState.Phase.ABSENT, "");
            }
            return ready.contains(name)
                    ? new MemberState(MemberState.Phase.READY, "ClusterReady")
                    : new MemberState(MemberState.Phase.NOT_READY, "ClusterNotReady: not reachable");
        }

        @Override
        public void leave(String name) {
            joined.remove(name);
            left.add(name);
        }
    }
}
