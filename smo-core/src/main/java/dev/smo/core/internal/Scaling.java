package dev.smo.core.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphStatus;
import dev.smo.core.LeadershipLostException;
import dev.smo.core.PlacementFailedException;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.Sample;
import dev.smo.core.spi.WorkloadScaler;
import dev.smo.model.HdaGraph;
import dev.smo.optimizer.scaling.ScalingOptimizer;
import dev.smo.optimizer.scaling.ScalingProblem;
import dev.smo.optimizer.scaling.ScalingResult;
import dev.smo.optimizer.scaling.ScalingService;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The scaling loop: per running graph, reads each scalable service's request rate from the metrics source, solves
 * the replica counts with per-cluster CPU capacity, scales the Deployments that change, and re-places the graph
 * when no replica count fits.
 */
final class Scaling implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Scaling.class.getName());

    private final DefaultOrchestrator orchestrator;
    private final Function<String, HdaGraph> parser;
    private final GraphStore store;
    private final WorkloadScaler scaler;
    private final MetricsSource metrics;
    private final ScalingOptimizer optimizer;
    private final Events graphEvents;
    private final Duration interval;
    private final boolean countsDeployed;
    private ScheduledExecutorService loop;
    private java.util.concurrent.ScheduledFuture<?> rounds;

    Scaling(
            DefaultOrchestrator orchestrator,
            Function<String, HdaGraph> parser,
            GraphStore store,
            WorkloadScaler scaler,
            MetricsSource metrics,
            ScalingOptimizer optimizer,
            Clock clock,
            Duration interval,
            boolean countsDeployed) {
        this.orchestrator = orchestrator;
        this.parser = parser;
        this.store = store;
        this.scaler = scaler;
        this.metrics = metrics;
        this.optimizer = optimizer;
        this.graphEvents = new Events(clock);
        this.interval = interval;
        this.countsDeployed = countsDeployed;
    }

    void start() {
        if (interval == null || metrics == null) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smo-scaling");
            t.setDaemon(true);
            return t;
        });
        rounds = loop.scheduleWithFixedDelay(
                this::roundForAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One round over every running graph. Nothing may escape: an exception would cancel the scheduled loop for good
     * (a store outage while listing the graphs once stopped scaling until a restart).
     */
    private void roundForAll() {
        Optional<Work> work = orchestrator.leaderWork();
        if (work.isEmpty()) {
            return; // another replica leads: it runs the rounds
        }
        List<StoredGraph> graphs;
        try {
            graphs = store.list(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scaling round skipped: the graphs cannot be listed: " + e.getMessage());
            return;
        }
        for (StoredGraph g : graphs) {
            if (g.status() != GraphStatus.RUNNING) {
                continue;
            }
            try {
                round(g.name(), work.get());
            } catch (LeadershipLostException e) {
                LOG.log(
                        Level.WARNING,
                        "Scaling round stopped: "
                                + e.getMessage().lines().findFirst().orElse(""));
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Scaling round of graph (" + g.name() + ") failed: " + e.getMessage());
            }
        }
    }

    /**
     * @param name the graph
     * @param work where the round writes and whether it may still act
     * @return the graph after the round
     */
    StoredGraph round(String name, Work work) {
        StoredGraph g = orchestrator.get(name);
        if (g.status() != GraphStatus.RUNNING || metrics == null) {
            return g;
        }
        HdaGraph graph = parser.apply(g.descriptor());
        Map<String, ScalingService> inputs = new LinkedHashMap<>();
        for (StoredService s : g.services()) {
            Optional<ScalingProfile> profile = graph.service(s.name()).flatMap(ScalingProfile::of);
            if (s.status() != ServiceStatus.DEPLOYED || profile.isEmpty()) {
                continue;
            }
            ScalingProfile p = profile.get();
            double rate = metrics.query(p.requestRateQuery()).stream()
                    .mapToDouble(Sample::value)
                    .filter(Double::isFinite)
                    .sum();
            int current = Math.max(0, s.replicas());
            int max = Math.max(Math.max(1, p.minReplicas()), p.maxReplicas());
            inputs.put(
                    s.name(),
                    new ScalingService(
                            s.name(),
                            s.cluster(),
                            s.resources().cpuMillis(),
                            p.minReplicas(),
                            max,
                            current,
                            p.alpha(),
                            p.beta(),
                            rate));
        }
        if (inputs.isEmpty()) {
            return g;
        }
        ScalingProblem.Builder problem = ScalingProblem.builder();
        inputs.values().forEach(problem::service);
        for (String cluster : new TreeSet<>(
                inputs.values().stream().map(ScalingService::cluster).toList())) {
            problem.cluster(cluster, cpuFor(cluster, g, inputs));
        }
        ScalingResult result = optimizer.solve(problem.build());
        if (!result.status().hasSolution()) {
            String why = result.explanation()
                    .map(Object::toString)
                    .orElse(result.status().name());
            StoredGraph logged = work.store()
                    .update(
                            g,
                            List.of(graphEvents.of(
                                    g,
                                    null,
                                    "SCALING_INFEASIBLE",
                                    "No replica counts fit: " + why + " Re-placing the graph.")));
            try {
                return orchestrator.replace(logged.name());
            } catch (PlacementFailedException e) {
                return orchestrator.get(name);
            }
        }
        return apply(g, result, work);
    }

    private StoredGraph apply(StoredGraph g, ScalingResult result, Work work) {
        List<StoredService> next = new ArrayList<>();
        List<GraphEvent> events = new ArrayList<>();
        for (StoredService s : g.services()) {
            Integer r = result.replicas().get(s.name());
            if (r == null || r == s.replicas()) {
                next.add(s);
                continue;
            }
            // Right before the patch: a leader that lost its term since the round began scales nothing.
            work.check("scale " + s.name() + " of graph (" + g.name() + ") to " + r + " replicas");
            try {
                scaler.scale(g.project(), s.name(), r);
            } catch (RuntimeException e) {
                next.add(s);
                events.add(graphEvents.of(
                        g,
                        s.name(),
                        "SCALE_FAILED",
                        "Scaling " + s.name() + " to " + r + " failed: " + Executor.message(e)));
                continue;
            }
            next.add(s.withReplicas(r));
            events.add(graphEvents.of(
                    g, s.name(), "SCALED", "Replicas of " + s.name() + ": " + s.replicas() + " → " + r + "."));
        }
        return events.isEmpty() ? g : work.store().update(g.withServices(next), events);
    }

    /**
     * CPU the graph's scalable services on a cluster may use: what the cluster offers this graph, less what the
     * graph's other running services there hold.
     */
    private long cpuFor(String cluster, StoredGraph g, Map<String, ScalingService> inputs) {
        long available = Capacity.availableTo(store.clusters(), countsDeployed, store.demand(g.name())).stream()
                .filter(c -> c.name().equals(cluster))
                .mapToLong(ClusterInfo::cpuMillis)
                .findFirst()
                .orElse(0);
        long others = g.services().stream()
                .filter(s -> cluster.equals(s.cluster())
                        && !inputs.containsKey(s.name())
                        && s.status() == ServiceStatus.DEPLOYED)
                .mapToLong(s -> s.resources().cpuMillis() * s.replicas())
                .sum();
        return Math.max(0, available - others);
    }

    @Override
    public void close() {
        if (rounds != null) {
            rounds.cancel(false);
        }
        if (loop != null) {
            loop.shutdownNow();
        }
    }
}
