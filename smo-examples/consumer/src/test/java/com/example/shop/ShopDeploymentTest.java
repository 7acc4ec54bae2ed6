package com.example.shop;

import static dev.smo.junit.SmoAssertions.assertThat;
import static dev.smo.junit.SmoAssertions.assertThatEvents;

import dev.smo.core.GraphStatus;
import dev.smo.core.Orchestrator;
import dev.smo.junit.Deployments;
import dev.smo.junit.SmoCluster;
import dev.smo.junit.SmoTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

@SmoTest(
        clusters = {
            @SmoCluster(name = "edge", cpu = "4", memory = "8Gi"),
            @SmoCluster(name = "cloud", cpu = "16", memory = "64Gi", gpus = 1)
        })
class ShopDeploymentTest {

    @Test
    void recommenderRunsOnTheGpuCluster(Orchestrator smo, Deployments deployed) {
        assertThat(new ShopDeployment(smo).deploy())
                .hasStatus(GraphStatus.RUNNING)
                .places("recommender")
                .on("cloud");
        assertThat(deployed).hasReleases("shop/recommender", "shop/storefront");
        assertThatEvents(smo.events("shop-graph")).containsTypesInOrder("DEPLOY_REQUESTED");
    }

    @Test
    void runsOnTheExpectedPath() {
        boolean modulePath = Boolean.getBoolean("expect.modulePath");

        Assertions.assertThat(Orchestrator.class.getModule().isNamed()).isEqualTo(modulePath);
        Assertions.assertThat(ShopDeployment.class.getModule().isNamed()).isEqualTo(modulePath);
    }
}
