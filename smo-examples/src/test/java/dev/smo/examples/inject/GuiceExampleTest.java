package dev.smo.examples.inject;

import static dev.smo.junit.SmoAssertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import dev.smo.core.ClusterInfo;
import dev.smo.core.GraphStatus;
import dev.smo.core.Orchestrator;
import dev.smo.core.OrchestratorProvider;
import dev.smo.core.local.ClustersFile;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryAlertRuleStore;
import dev.smo.core.local.InMemoryDashboardPublisher;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.AlertRuleStore;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.DashboardPublisher;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.GraphStore;
import dev.smo.junit.Deployments;
import dev.smo.model.Descriptors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SMO assembled by Guice from its jakarta.inject annotations and {@link OrchestratorProvider}. */
class GuiceExampleTest {

    /** The application's module: which implementation serves each port. */
    static final class SmoModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(new TypeLiteral<List<ClusterInfo>>() {}).toInstance(ClustersFile.read(Path.of("clusters.yaml")));
            bind(ClusterInventory.class).to(StaticClusterInventory.class).in(Singleton.class);
            bind(GraphStore.class).to(InMemoryGraphStore.class);
            bind(Deployer.class).to(DryRunDeployer.class);
            bind(AlertRuleStore.class).to(InMemoryAlertRuleStore.class);
            bind(DashboardPublisher.class).to(InMemoryDashboardPublisher.class);
            bind(Orchestrator.class).toProvider(OrchestratorProvider.class).in(Singleton.class);
        }
    }

    @Test
    void guiceAssemblesAnOrchestratorThatDeploysTheBrusselsDemo() {
        Injector injector = Guice.createInjector(new SmoModule());

        try (Orchestrator smo = injector.getInstance(Orchestrator.class)) {
            assertThat(smo.deploy("demo", Descriptors.parse(Path.of("brussels-demo/hdag.yaml"))))
                    .hasStatus(GraphStatus.RUNNING)
                    .places("noise-reduction")
                    .on("brussels-core")
                    .places("image-detection")
                    .on("brussels-core");
            assertThat(new Deployments(injector.getInstance(DryRunDeployer.class)))
                    .hasReleases("demo/noise-reduction", "demo/image-detection");
        }
    }
}
