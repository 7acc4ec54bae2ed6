package dev.smo.core.internal;

import dev.smo.core.ScalingPolicy;
import dev.smo.core.ServiceDiscovery;
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
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.placement.PlacementWeights;
import dev.smo.optimizer.scaling.ScalingOptimizer;
import java.time.Clock;
import java.time.Duration;

/**
 * The ports and settings an orchestrator is built from; {@code artifacts} and {@code metrics} may be null (no
 * registry, no Prometheus), {@code scalingInterval} null means no scaling loop,
 * {@code reconcileInterval} null no background reconcile; {@code workers} threads carry out accepted commands;
 * {@code leadership} tells whether this replica runs the background work.
 */
public record Parts(
        GraphStore store,
        ClusterInventory inventory,
        Deployer deployer,
        WorkloadScaler scaler,
        AlertRuleStore rules,
        DashboardPublisher dashboards,
        MetricsSource metrics,
        ProfileStore profiles,
        ArtifactFetcher artifacts,
        IntentTranslator translator,
        SolverOptions solverOptions,
        PlacementWeights weights,
        ServiceDiscovery discovery,
        ScalingOptimizer scalingOptimizer,
        Clock clock,
        Duration scalingInterval,
        ScalingPolicy scalingPolicy,
        int workers,
        Duration reconcileInterval,
        Leadership leadership) {}
