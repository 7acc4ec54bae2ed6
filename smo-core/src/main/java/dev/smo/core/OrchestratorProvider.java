package dev.smo.core;

import dev.smo.core.spi.AlertRuleStore;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.DashboardPublisher;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.GraphStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Objects;

/**
 * Creates an {@link Orchestrator} from the ports a dependency-injection container holds, so Guice, Dagger, CDI or
 * Spring can assemble SMO without SMO depending on any of them. The deployer is used as the workload scaler too,
 * as {@link OrchestratorBuilder#deployer} does; settings beyond the ports (metrics, artifacts, weights, loops) need
 * the {@link Orchestrator#builder() builder}, e.g. in a provider method of the application's own.
 *
 * <p>Each {@link #get()} creates a new orchestrator, which the caller closes; bind it as a singleton. With Guice:
 * <pre>{@code
 * bind(GraphStore.class).to(InMemoryGraphStore.class);
 * bind(Deployer.class).to(DryRunDeployer.class);
 * ...
 * bind(Orchestrator.class).toProvider(OrchestratorProvider.class).in(Singleton.class);
 * }</pre>
 */
@SuppressWarnings("exports") // jakarta.inject is optional: only dependency-injection users need it
public final class OrchestratorProvider implements Provider<Orchestrator> {

    private final GraphStore store;
    private final ClusterInventory inventory;
    private final Deployer deployer;
    private final AlertRuleStore rules;
    private final DashboardPublisher dashboards;

    /**
     * @param store where graphs, services, events and cluster snapshots are kept
     * @param inventory the member clusters
     * @param deployer installs Helm releases and, being a {@link dev.smo.core.spi.WorkloadScaler} too, scales them
     * @param rules where alerting rules of event-triggered services go
     * @param dashboards where graph dashboards are published
     */
    @Inject
    public OrchestratorProvider(
            GraphStore store,
            ClusterInventory inventory,
            Deployer deployer,
            AlertRuleStore rules,
            DashboardPublisher dashboards) {
        this.store = Objects.requireNonNull(store, "store");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.deployer = Objects.requireNonNull(deployer, "deployer");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.dashboards = Objects.requireNonNull(dashboards, "dashboards");
    }

    /**
     * @return a new orchestrator on these ports
     * @throws IllegalStateException when the deployer cannot scale workloads
     */
    @Override
    public Orchestrator get() {
        return Orchestrator.builder()
                .store(store)
                .inventory(inventory)
                .deployer(deployer)
                .alertRules(rules)
                .dashboards(dashboards)
                .build();
    }
}
