package dev.smo.core;

import dev.smo.core.internal.DefaultOrchestrator;
import dev.smo.core.internal.Parts;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryAlertRuleStore;
import dev.smo.core.local.InMemoryDashboardPublisher;
import dev.smo.core.local.InMemoryProfileStore;
import dev.smo.core.local.SoleLeadership;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.AlertRuleStore;
import dev.smo.core.spi.ArtifactFetcher;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.DashboardPublisher;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.Leadership;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.ProfileStore;
import dev.smo.core.spi.WorkloadScaler;
import dev.smo.intent.IntentTranslator;
import dev.smo.intent.ResourceTable;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.placement.PlacementWeights;
import dev.smo.optimizer.scaling.ScalingOptimizer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link Orchestrator} from its ports. Only the store is required; the defaults run everything locally:
 * no clusters, a {@link DryRunDeployer}, in-memory alerting rules and dashboards, no metrics, no registry.
 */
public final class OrchestratorBuilder {

    private GraphStore store;
    private ClusterInventory inventory = new StaticClusterInventory(List.of());
    private Deployer deployer;
    private WorkloadScaler scaler;
    private AlertRuleStore rules = new InMemoryAlertRuleStore();
    private DashboardPublisher dashboards = new InMemoryDashboardPublisher();
    private MetricsSource metrics;
    private ProfileStore profiles = new InMemoryProfileStore();
    private ScalingPolicy scalingPolicy = ScalingPolicy.DEFAULTS;
    private ArtifactFetcher artifacts;
    private ResourceTable resourceTable = ResourceTable.defaults();
    private PlacementWeights weights = PlacementWeights.lexicographic();
    private ServiceDiscovery discovery = ServiceDiscovery.KARMADA_MCS;
    private SolverOptions solverOptions = SolverOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration scalingInterval;
    private int workers = 4;
    private Duration reconcileInterval;
    private Leadership leadership;

    OrchestratorBuilder() {}

    /** @param store where graphs, services, events and cluster snapshots are kept @return this builder */
    public OrchestratorBuilder store(GraphStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** @param inventory the member clusters @return this builder */
    public OrchestratorBuilder inventory(ClusterInventory inventory) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        return this;
    }

    /**
     * @param deployer installs Helm releases; when it also scales workloads it is used as the scaler too
     * @return this builder
     */
    public OrchestratorBuilder deployer(Deployer deployer) {
        this.deployer = Objects.requireNonNull(deployer, "deployer");
        return this;
    }

    /** @param scaler sets replica counts of services' Deployments @return this builder */
    public OrchestratorBuilder scaler(WorkloadScaler scaler) {
        this.scaler = Objects.requireNonNull(scaler, "scaler");
        return this;
    }

    /** @param rules where alerting rules of event-triggered services go @return this builder */
    public OrchestratorBuilder alertRules(AlertRuleStore rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /** @param dashboards where graph dashboards are published @return this builder */
    public OrchestratorBuilder dashboards(DashboardPublisher dashboards) {
        this.dashboards = Objects.requireNonNull(dashboards, "dashboards");
        return this;
    }

    /** @param metrics the source of request rates for scaling; none disables scaling @return this builder */
    public OrchestratorBuilder metrics(MetricsSource metrics) {
        this.metrics = metrics;
        return this;
    }

    /**
     * @param profiles where learned service profiles are kept (in memory by default)
     * @return this builder
     */
    public OrchestratorBuilder profiles(ProfileStore profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        return this;
    }

    /**
     * @param policy the scaling loop's damping: scale-down stabilisation window and most replicas changed per round
     *        ({@link ScalingPolicy#DEFAULTS} unless set)
     * @return this builder
     */
    public OrchestratorBuilder scalingPolicy(ScalingPolicy policy) {
        this.scalingPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** @param artifacts fetches descriptors from artifact references @return this builder */
    public OrchestratorBuilder artifacts(ArtifactFetcher artifacts) {
        this.artifacts = artifacts;
        return this;
    }

    /** @param table the resource level table of intent translation @return this builder */
    public OrchestratorBuilder resourceTable(ResourceTable table) {
        this.resourceTable = Objects.requireNonNull(table, "table");
        return this;
    }

    /**
     * @param weights the placement objective's weights; default {@link PlacementWeights#lexicographic()}: a
     *     re-placement moves as few running services as possible, then cuts the least edge weight (an initial
     *     placement has no moves, so only the cut counts either way)
     * @return this builder
     */
    public OrchestratorBuilder placementWeights(PlacementWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
        return this;
    }

    /**
     * @param discovery how clients reach services on other clusters, which decides {@code serviceImportClusters}
     *        and {@code serviceEndpoints} in the values (default {@link ServiceDiscovery#KARMADA_MCS})
     * @return this builder
     */
    public OrchestratorBuilder serviceDiscovery(ServiceDiscovery discovery) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        return this;
    }

    /** @param options node and time limits of the placement and scaling solvers @return this builder */
    public OrchestratorBuilder solverOptions(SolverOptions options) {
        this.solverOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /** @param clock the clock stamping events and driving the scaling loop's stabilisation @return this builder */
    public OrchestratorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @param interval period of the background scaling loop; {@code null} (the default) runs no loop, and
     *        {@link Orchestrator#scale(String)} can still be called
     * @return this builder
     */
    public OrchestratorBuilder scalingInterval(Duration interval) {
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("Scaling interval (" + interval + ") must be positive.");
        }
        this.scalingInterval = interval;
        return this;
    }

    /**
     * @param workers threads that carry out accepted commands ({@link Orchestrator#submit}) in the background
     * @return this builder
     */
    public OrchestratorBuilder workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("Workers (" + workers + ") must be at least 1.");
        }
        this.workers = workers;
        return this;
    }

    /**
     * @param interval period of the background reconcile, which finishes work a failed step left recorded (the
     *        store or a cluster was away); {@code null} (the default) runs none, and {@link Orchestrator#reconcile()}
     *        can still be called
     * @return this builder
     */
    public OrchestratorBuilder reconcileInterval(Duration interval) {
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("Reconcile interval (" + interval + ") must be positive.");
        }
        this.reconcileInterval = interval;
        return this;
    }

    /**
     * @param leadership which replica runs the background work (scaling loop, reconcile of work a stopped replica
     *        left, ...) when several share the store; by default this process alone, always leading
     * @return this builder
     */
    public OrchestratorBuilder leadership(Leadership leadership) {
        this.leadership = Objects.requireNonNull(leadership, "leadership");
        return this;
    }

    /**
     * @return the orchestrator; its scaling loop is running when an interval and a metrics source are set
     * @throws IllegalStateException when no store was given
     */
    public Orchestrator build() {
        if (store == null) {
            throw new IllegalStateException("An orchestrator needs a store.\n"
                    + "Maybe pass new InMemoryGraphStore() or a PostgreSQL store to store(...).");
        }
        Deployer d = deployer;
        WorkloadScaler s = scaler;
        if (d == null) {
            DryRunDeployer dryRun = new DryRunDeployer();
            d = dryRun;
            s = s == null ? dryRun : s;
        }
        if (s == null) {
            if (!(d instanceof WorkloadScaler ws)) {
                throw new IllegalStateException("The deployer (" + d.getClass().getName() + ") cannot scale "
                        + "workloads.\nMaybe pass a WorkloadScaler to scaler(...).");
            }
            s = ws;
        }
        return DefaultOrchestrator.create(new Parts(
                store,
                inventory,
                d,
                s,
                rules,
                dashboards,
                metrics,
                profiles,
                artifacts,
                IntentTranslator.create(resourceTable),
                solverOptions,
                weights,
                discovery,
                ScalingOptimizer.create(solverOptions),
                clock,
                scalingInterval,
                scalingPolicy,
                workers,
                reconcileInterval,
                leadership == null ? new SoleLeadership() : leadership));
    }
}
