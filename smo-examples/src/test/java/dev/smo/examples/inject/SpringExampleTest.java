package dev.smo.examples.inject;

import static dev.smo.junit.SmoAssertions.assertThat;

import dev.smo.core.GraphStatus;
import dev.smo.core.Orchestrator;
import dev.smo.core.OrchestratorProvider;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryAlertRuleStore;
import dev.smo.core.local.InMemoryDashboardPublisher;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.junit.Deployments;
import dev.smo.model.Descriptors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SMO assembled by Spring: the in-memory ports and {@link OrchestratorProvider} are registered as classes and wired
 * through their {@code @Inject} constructors; the clusters and the orchestrator are beans of the application.
 */
class SpringExampleTest {

    @Configuration(proxyBeanMethods = false)
    static class SmoConfig {
        @Bean
        StaticClusterInventory clusters() {
            return StaticClusterInventory.fromFile(Path.of("clusters.yaml"));
        }

        @Bean // closed with the context
        Orchestrator orchestrator(OrchestratorProvider provider) {
            return provider.get();
        }
    }

    @Test
    void springAssemblesAnOrchestratorThatDeploysTheBrusselsDemo() {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.register(
                    SmoConfig.class,
                    InMemoryGraphStore.class,
                    DryRunDeployer.class,
                    InMemoryAlertRuleStore.class,
                    InMemoryDashboardPublisher.class,
                    OrchestratorProvider.class);
            context.refresh();
            Orchestrator smo = context.getBean(Orchestrator.class);

            assertThat(smo.deploy("demo", Descriptors.parse(Path.of("brussels-demo/hdag.yaml"))))
                    .hasStatus(GraphStatus.RUNNING)
                    .places("noise-reduction")
                    .on("brussels-core")
                    .places("image-detection")
                    .on("brussels-core");
            assertThat(new Deployments(context.getBean(DryRunDeployer.class)))
                    .hasReleases("demo/noise-reduction", "demo/image-detection");
        }
    }
}
