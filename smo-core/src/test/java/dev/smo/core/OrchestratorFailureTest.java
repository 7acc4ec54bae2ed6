package dev.smo.core;

import static dev.smo.core.Fixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.Fixtures.MutableInventory;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class OrchestratorFailureTest {

    /** Fails the releases named in {@link #failing}; simulates a crash on those in {@link #crashing}. */
    static final class FlakyDeployer implements Deployer {
        final DryRunDeployer inner = new DryRunDeployer();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final Set<String> crashing = ConcurrentHashMap.newKeySet();

        @Override
        public ReleaseStatus apply(ReleaseSpec spec) {
            if (crashing.contains(spec.release())) {
                throw new SimulatedCrash();
            }
            if (failing.contains(spec.release())) {
                throw new UnableToDeployException(
                        spec.namespace(),
                        spec.release(),
                        "INSTALLATION FAILED: chart " + "\"" + spec.chart() + "\" not found",
                        null);
            }
            return inner.apply(spec);
        }

        @Override
        public void uninstall(String namespace, String release) {
            inner.uninstall(namespace, release);
        }

        @Override
        public Optional<ReleaseStatus> status(String namespace, String release) {
            return inner.status(namespace, release);
        }
    }

    /** Stands for the process dying: not a RuntimeException, so nothing catches it. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private final InMemoryGraphStore store = new InMemoryGraphStore();
    private final FlakyDeployer deployer = new FlakyDeployer();
    private final MutableInventory inventory = new MutableInventory(false, cluster("edge-a", 8000, 16, 0));

    private Orchestrator orchestrator() {
        return Orchestrator.builder()
                .store(store)
                .inventory(inventory)
                .deployer(deployer)
                .scaler(deployer.inner)
                .build();
    }

    @Test
    void helmFailureMarksTheServiceFailedWithHelmsMessageAndKeepsTheRest() {
        deployer.failing.add("image-detection");
        try (Orchestrator smo = orchestrator()) {
            StoredGraph g = smo.deploy("demo", Fixtures.brussels());

            assertThat(g.status()).isEqualTo(GraphStatus.FAILED);
            assertThat(g.service("image-detection").orElseThrow().status()).isEqualTo(ServiceStatus.FAILED);
            assertThat(g.service("image-detection").orElseThrow().lastError()).contains("INSTALLATION FAILED");
            assertThat(g.service("noise-reduction").orElseThrow().status()).isEqualTo(ServiceStatus.DEPLOYED);
            assertThat(smo.events("image-detection-graph"))
                    .anyMatch(e ->
                            e.type().equals("RELEASE_FAILED") && e.message().contains("not found"));
        }
    }

    @Test
    void replacementRetriesAFailedServiceAndCompletesTheGraph() {
        deployer.failing.add("image-detection");
        try (Orchestrator smo = orchestrator()) {
            smo.deploy("demo", Fixtures.brussels());
            deployer.failing.clear();

            StoredGraph g = smo.replace("image-detection-graph");

            assertThat(g.status()).isEqualTo(GraphStatus.RUNNING);
            assertThat(g.service("image-detection").orElseThrow().status()).isEqualTo(ServiceStatus.DEPLOYED);
            assertThat(g.service("image-detection").orElseThrow().lastError()).isNull();
        }
    }

    @Test
    void crashMidDeployIsFinishedByReconcileWithoutDuplicates() {
        deployer.crashing.add("image-detection");
        Orchestrator first = orchestrator();
        assertThatThrownBy(() -> first.deploy("demo", Fixtures.brussels())).isInstanceOf(SimulatedCrash.class);
        StoredGraph half = store.find("image-detection-graph").orElseThrow();
        assertThat(half.status()).isEqualTo(GraphStatus.DEPLOYING);
        assertThat(half.service("image-detection").orElseThrow().status()).isEqualTo(ServiceStatus.DEPLOYING);

        deployer.crashing.clear();
        try (Orchestrator restarted = orchestrator()) {
            assertThat(restarted.reconcile()).containsExactly("image-detection-graph");
            StoredGraph g = restarted.get("image-detection-graph");
            assertThat(g.status()).isEqualTo(GraphStatus.RUNNING);
            assertThat(deployer.inner.releases()).containsOnlyKeys("demo/noise-reduction", "demo/image-detection");
            assertThat(deployer.inner.history())
                    .filteredOn(o -> o.release().equals("noise-reduction"))
                    .hasSize(1);
            assertThat(restarted.reconcile()).isEmpty();
        }
    }

    @Test
    void crashMidRemovalIsFinishedByReconcile() {
        try (Orchestrator smo = orchestrator()) {
            smo.deploy("demo", Fixtures.brussels());
        }
        Orchestrator crashing = Orchestrator.builder()
                .store(store)
                .inventory(inventory)
                .deployer(new Deployer() {
                    @Override
                    public ReleaseStatus apply(ReleaseSpec spec) {
                        return deployer.apply(spec);
                    }

                    @Override
                    public void uninstall(String namespace, String release) {
                        throw new SimulatedCrash();
                    }

                    @Override
                    public Optional<ReleaseStatus> status(String namespace, String release) {
                        return deployer.status(namespace, release);
                    }
                })
                .scaler(deployer.inner)
                .build();
        assertThatThrownBy(() -> crashing.remove("image-detection-graph")).isInstanceOf(SimulatedCrash.class);
        assertThat(store.find("image-detection-graph").orElseThrow().status()).isEqualTo(GraphStatus.REMOVING);

        try (Orchestrator restarted = orchestrator()) {
            restarted.reconcile();
            assertThat(restarted.find("image-detection-graph")).isEmpty();
            assertThat(deployer.inner.releases()).isEmpty();
        }
    }

    @Test
    void aBusyGraphRefusesOtherLifecycleSteps() {
        deployer.crashing.add("image-detection");
        Orchestrator first = orchestrator();
        assertThatThrownBy(() -> first.deploy("demo", Fixtures.brussels())).isInstanceOf(SimulatedCrash.class);
        deployer.crashing.clear();

        try (Orchestrator smo = orchestrator()) {
            assertThatThrownBy(() -> smo.stop("image-detection-graph")).isInstanceOf(GraphBusyException.class);
            assertThatThrownBy(() -> smo.replace("image-detection-graph")).isInstanceOf(GraphBusyException.class);
        }
    }
}
