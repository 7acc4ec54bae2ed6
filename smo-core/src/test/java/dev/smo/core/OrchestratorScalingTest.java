package dev.smo.core;

import static dev.smo.core.Fixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.Fixtures.MutableInventory;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.ReplicaStatus;
import dev.smo.core.spi.ScriptedMetrics;
import dev.smo.core.spi.WorkloadScaler;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OrchestratorScalingTest {

    /** noise-reduction scales: capacity 50 requests/s per replica, at most 5 replicas. */
    static String scalableBrussels() {
        return Fixtures.exampleText("brussels-demo/hdag.yaml")
                .replace(
                        "          compute: {cpu: \"small\", ram: \"small\", storage: \"small\", gpu: {enabled: False}}\n"
                                + "          coLocation: []\n          connectionPoints: [\"image-detection\"]",
                        "          compute: {cpu: \"small\", ram: \"small\", storage: \"small\", gpu: {enabled: False}}\n"
                                + "          coLocation: []\n          connectionPoints: [\"image-detection\"]\n"
                                + "          scaling: {minReplicas: 1, maxReplicas: 5, alpha: 50, beta: 0,"
                                + " requestRate: 'sum(rate(http_requests_total{service=\"noise-reduction\"}[1m]))'}");
    }

    private final InMemoryGraphStore store = new InMemoryGraphStore();
    private final DryRunDeployer deployer = new DryRunDeployer();
    private final MutableInventory inventory =
            new MutableInventory(false, cluster("edge-a", 16_000, 32, 0), cluster("edge-b", 16_000, 32, 0));
    private final AtomicReference<Double> rate = new AtomicReference<>(120.0);
    private final MetricsSource metrics = ScriptedMetrics.instant(promql -> {
        assertThat(promql).contains("noise-reduction");
        return rate.get();
    });

    private Orchestrator orchestrator(WorkloadScaler scaler) {
        return Orchestrator.builder()
                .store(store)
                .inventory(inventory)
                .deployer(deployer)
                .scaler(scaler)
                .metrics(metrics)
                .scalingPolicy(ScalingPolicy.IMMEDIATE)
                .build();
    }

    @Test
    void aScalingRoundSetsTheReplicasTheLoadNeeds() {
        try (Orchestrator smo = orchestrator(deployer)) {
            assertThat(Fixtures.exampleText("brussels-demo/hdag.yaml")).isNotEqualTo(scalableBrussels());
            smo.deployDescriptor("demo", scalableBrussels());

            StoredGraph g = smo.scale("image-detection-graph");

            assertThat(g.service("noise-reduction").orElseThrow().replicas()).isEqualTo(3);
            assertThat(deployer.replicas("demo", "noise-reduction")).isEqualTo(new ReplicaStatus(3, 3));
            assertThat(g.service("image-detection").orElseThrow().replicas()).isEqualTo(1);
            assertThat(smo.events("image-detection-graph"))
                    .filteredOn(e -> e.type().equals("SCALED"))
                    .singleElement()
                    .extracting(GraphEvent::message)
                    .asString()
                    .contains("1 → 3");

            rate.set(40.0);
            assertThat(smo.scale("image-detection-graph")
                            .service("noise-reduction")
                            .orElseThrow()
                            .replicas())
                    .isEqualTo(1);
        }
    }

    @Test
    void loadBeyondTheMaximumReplicasTriggersAReplacement() {
        try (Orchestrator smo = orchestrator(deployer)) {
            smo.deployDescriptor("demo", scalableBrussels());
            rate.set(10_000.0);

            smo.scale("image-detection-graph");

            assertThat(smo.events("image-detection-graph"))
                    .extracting(GraphEvent::type)
                    .containsSubsequence("SCALING_INFEASIBLE", "REPLACE_REQUESTED");
            assertThat(smo.get("image-detection-graph")
                            .service("noise-reduction")
                            .orElseThrow()
                            .replicas())
                    .isEqualTo(1);
        }
    }

    @Test
    void aFailingScaleIsRecordedAndChangesNothing() {
        WorkloadScaler broken = new WorkloadScaler() {
            @Override
            public ReplicaStatus replicas(String namespace, String release) {
                return new ReplicaStatus(1, 1);
            }

            @Override
            public void scale(String namespace, String release, int replicas) {
                throw new UnableToDeployException(namespace, release, "HTTP 500: etcdserver: request timed out", null);
            }
        };
        try (Orchestrator smo = orchestrator(broken)) {
            smo.deployDescriptor("demo", scalableBrussels());

            StoredGraph g = smo.scale("image-detection-graph");

            assertThat(g.service("noise-reduction").orElseThrow().replicas()).isEqualTo(1);
            assertThat(smo.events("image-detection-graph"))
                    .anyMatch(
                            e -> e.type().equals("SCALE_FAILED") && e.message().contains("etcdserver"));
        }
    }
}
