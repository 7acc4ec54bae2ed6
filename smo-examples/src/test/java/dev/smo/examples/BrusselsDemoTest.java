package dev.smo.examples;

import static dev.smo.junit.SmoAssertions.assertThat;
import static dev.smo.junit.SmoAssertions.assertThatEvents;

import dev.smo.core.GraphStatus;
import dev.smo.core.Orchestrator;
import dev.smo.junit.Deployments;
import dev.smo.junit.SmoCluster;
import dev.smo.junit.SmoTest;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Brussels demo with the JUnit extension: the clusters of clusters.yaml, declared on the class. */
@SmoTest(
        clusters = {
            @SmoCluster(name = "brussels-edge", cpu = "4", memory = "8Gi"),
            @SmoCluster(name = "brussels-core", cpu = "16", memory = "64Gi", gpus = 1),
            @SmoCluster(name = "athens-edge", cpu = "2", memory = "4Gi")
        })
class BrusselsDemoTest {

    private static final HdaGraph DEMO = Descriptors.parse(Path.of("brussels-demo/hdag.yaml"));

    @Test
    void deployInstallsTheAutoServicesAndKeepsTheEventTriggeredOnePending(Orchestrator smo, Deployments deployed) {
        assertThat(smo.deploy("demo", DEMO))
                .hasStatus(GraphStatus.RUNNING)
                .places("noise-reduction")
                .on("brussels-core")
                .places("image-detection")
                .on("brussels-core");
        assertThat(deployed).hasReleases("demo/noise-reduction", "demo/image-detection");
    }

    @Test
    void stopUninstallsAndStartReinstalls(Orchestrator smo, Deployments deployed) {
        smo.deploy("demo", DEMO);
        smo.stop("image-detection-graph");
        smo.start("image-detection-graph");

        assertThat(deployed)
                .hasOperationsInOrder(
                        "install demo/noise-reduction",
                        "uninstall demo/noise-reduction",
                        "install demo/noise-reduction");
        assertThatEvents(smo.events("image-detection-graph"))
                .containsTypesInOrder("DEPLOY_REQUESTED", "STOP_REQUESTED", "START_REQUESTED");
    }
}
