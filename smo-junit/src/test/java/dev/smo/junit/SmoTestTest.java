package dev.smo.junit;

import static dev.smo.junit.SmoAssertions.assertThat;
import static dev.smo.junit.SmoAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.GraphStatus;
import dev.smo.core.Orchestrator;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import org.junit.jupiter.api.Test;

@SmoTest(
        clusters = {
            @SmoCluster(name = "edge", cpu = "4", memory = "8Gi"),
            @SmoCluster(name = "cloud", cpu = "16", memory = "64Gi", gpus = 1, labels = "zone=core")
        })
class SmoTestTest {

    @Test
    void deployPlacesTheGpuServiceOnTheGpuClusterAndRecordsItsRelease(Orchestrator smo, Deployments deployed) {
        StoredGraph graph = smo.deploy("demo", Graphs.gpuGraph());

        assertThat(graph)
                .hasStatus(GraphStatus.RUNNING)
                .hasServiceStatus("detector", ServiceStatus.DEPLOYED)
                .hasReplicas("detector", 1)
                .places("detector")
                .on("cloud");
        assertThat(deployed).hasReleases("demo/detector", "demo/frontend");
        org.assertj.core.api.Assertions.assertThat(deployed.values("detector")).isNotEmpty();
    }

    @Test
    void planChangesNothing(Orchestrator smo, Deployments deployed) {
        assertThat(smo.plan("demo", Graphs.gpuGraph()))
                .isFeasible()
                .places("detector")
                .on("cloud");
        assertThat(deployed).hasNoReleases();
    }

    @Test
    void eachTestGetsANewOrchestrator(Orchestrator smo) {
        org.assertj.core.api.Assertions.assertThat(smo.list(null)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(smo.clusters()).hasSize(2);
    }

    @Test
    void removeUninstallsInOrderAndTellsTheStory(Orchestrator smo, Deployments deployed) {
        smo.deploy("demo", Graphs.gpuGraph());
        smo.remove("gpu-graph");

        assertThat(deployed).hasNoReleases().hasOperationsInOrder("install demo/detector", "uninstall demo/detector");
        assertThatEvents(smo.events("gpu-graph")).containsTypesInOrder("DEPLOY_REQUESTED", "REMOVED");
    }

    @Test
    void placementAssertionNamesTheActualCluster(Orchestrator smo) {
        StoredGraph graph = smo.deploy("demo", Graphs.gpuGraph());

        assertThatThrownBy(() -> assertThat(graph).places("detector").on("edge"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("on cluster (cloud), not on cluster (edge)");
    }

    @Test
    void serverIsOnlyThereWhenAsked(Orchestrator smo) {
        org.assertj.core.api.Assertions.assertThat(smo.dryRun()).isTrue();
    }
}
