package dev.smo.junit;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.OrchestratorBuilder;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryAlertRuleStore;
import dev.smo.core.local.InMemoryDashboardPublisher;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import java.util.List;
import java.util.function.Consumer;

/** What one test gets: the orchestrator and the fakes behind it; closing it stops the server and the orchestrator. */
final class Harness implements AutoCloseable {

    final Orchestrator orchestrator;
    final Deployments deployments;
    final FakeMetrics metrics = new FakeMetrics();
    final InMemoryAlertRuleStore rules = new InMemoryAlertRuleStore();
    final InMemoryDashboardPublisher dashboards = new InMemoryDashboardPublisher();
    final InMemoryGraphStore store = new InMemoryGraphStore();
    private final SmoHttpServer server;

    Harness(List<ClusterInfo> clusters, boolean http, Consumer<OrchestratorBuilder> customizer) {
        DryRunDeployer deployer = new DryRunDeployer();
        deployments = new Deployments(deployer);
        OrchestratorBuilder builder = Orchestrator.builder()
                .store(store)
                .inventory(new StaticClusterInventory(clusters))
                .deployer(deployer)
                .alertRules(rules)
                .dashboards(dashboards)
                .metrics(metrics);
        customizer.accept(builder);
        orchestrator = builder.build();
        server = http ? Http.start(orchestrator) : null;
    }

    SmoHttpServer http() {
        if (server == null) {
            throw new IllegalStateException("This test has no SMO server.\n"
                    + "Maybe write @SmoTest(http = true) or SmoExtension.create().withHttpServer().");
        }
        return server;
    }

    @Override
    public void close() {
        try (orchestrator) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Keeps the server classes out of the harness's own linking, so tests without smo-server still run. */
    private static final class Http {
        static SmoHttpServer start(Orchestrator smo) {
            return SmoHttpServer.start(smo);
        }
    }
}
