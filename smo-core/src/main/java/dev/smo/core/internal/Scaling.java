package dev.smo.core.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphStatus;
import dev.smo.core.LeadershipLostException;
import dev.smo.core.PlacementFailedException;
import dev.smo.core.ScalingPolicy;
import dev.smo.core.ServiceProfile;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.ProfileStore;
import dev.smo.core.spi.Sample;
import dev.smo.core.spi.WorkloadScaler;
import dev.smo.model.HdaGraph;
import dev.smo.model.ScalingIntent;
import dev.smo.optimizer.scaling.ScalingCluster;
import dev.smo.optimizer.scaling.ScalingOptimizer;
import dev.smo.optimizer.scaling.ScalingProblem;
import dev.smo.optimizer.scaling.ScalingResult;
import dev.smo.optimizer.scaling.ScalingService;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The scaling loop: per running graph, reads each scalable service's request rate, turns it into the replicas its
 * capacity model ({@code alpha·r + beta}, from the descriptor or the stored profile) needs at its target
 * utilisation, damps that with the {@link ScalingPolicy}, checks that the replicas fit every cluster's CPU, memory
 * and GPUs, scales the Deployments that change, and re-places the graph when no replica count fits. Every decision
 * that differs from the running count is an event with its inputs.
 */
final class Scaling implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Scaling.class.getName());

    private final DefaultOrchestrator orchestrator;
    private final Function<String, HdaGraph> parser;
    private final GraphStore store;
    private final WorkloadScaler scaler;
    private final MetricsSource metrics;
    private final ProfileStore profiles;
    private final ScalingOptimizer optimizer;
    private final Clock clock;
    private final Events graphEvents;
    private final Stabiliser stabiliser;
    private final Duration interval;
    private final boolean countsDeployed;
    /** Services already told they have no coefficients, so that the event is written once, not every round. */
    private final Set<String> unprofiledReported = ConcurrentHashMap.newKeySet();

    private ScheduledExecutorService loop;
    private java.util.concurrent.ScheduledFuture<?> rounds;

    Scaling(DefaultOrchestrator orchestrator, Function<String, HdaGraph> parser, Parts parts) {
        this.orchestrator = orchestrator;
        this.parser = parser;
        this.store = parts.store();
        this.scaler = parts.scaler();
        this.metrics = parts.metrics();
        this.profiles = parts.profiles();
        this.optimizer = parts.scalingOptimizer();
        this.clock = parts.clock();
        this.graphEvents = new Events(clock);
        this.stabiliser = new Stabiliser(parts.scalingPolicy());
        this.interval = parts.scalingInterval();
        this.countsDeployed = parts.inventory().countsDeployedWorkloads();
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
        Map<String, Input> inputs = new LinkedHashMap<>();
        List<GraphEvent> notes = new ArrayList<>();
        for (StoredService s : g.services()) {
            Optional<ScalingIntent> intent =
                    graph.service(s.name()).flatMap(x -> x.intent().scaling());
            if (s.status() != ServiceStatus.DEPLOYED || intent.isEmpty()) {
                continue;
            }
            Optional<Coefficients> coefficients = coefficients(g.name(), s.name(), intent.get());
            if (coefficients.isEmpty()) {
                if (unprofiledReported.add(g.name() + "/" + s.name())) {
                    notes.add(graphEvents.of(
                            g,
                            s.name(),
                            "SCALING_SKIPPED",
                            "Service " + s.name() + " is not scaled: its scaling intent gives no alpha and it has no"
                                    + " stored profile. Learn one with POST /graphs/" + g.name() + "/services/"
                                    + s.name() + "/profile."));
                }
                continue;
            }
            unprofiledReported.remove(g.name() + "/" + s.name());
            double rate = metrics.query(intent.get().requestRateQuery(s.name())).stream()
                    .mapToDouble(Sample::value)
                    .filter(Double::isFinite)
                    .sum();
            inputs.put(s.name(), decide(g, s, intent.get(), coefficients.get(), Math.max(0, rate)));
        }
        stabiliser.retain(
                inputs.keySet().stream().map(n -> name + "/" + n).collect(java.util.stream.Collectors.toSet()),
                name + "/");
        if (!notes.isEmpty()) {
            g = work.store().update(g, notes);
        }
        if (inputs.isEmpty()) {
            return g;
        }
        ScalingProblem.Builder problem = ScalingProblem.builder();
        inputs.values().forEach(i -> problem.service(i.service()));
        Map<String, long[]> free = free(g, inputs.keySet());
        for (String cluster : new TreeSet<>(
                inputs.values().stream().map(i -> i.service().cluster()).toList())) {
            long[] f = free.getOrDefault(cluster, new long[3]);
            problem.cluster(new ScalingCluster(cluster, f[0], f[1], (int) Math.min(Integer.MAX_VALUE, f[2])));
        }
        ScalingResult result = optimizer.solve(problem.build());
        if (!result.status().hasSolution()) {
            String why = result.explanation()
                    .map(Object::toString)
                    .orElse(result.status().name());
            List<String> described =
                    inputs.values().stream().map(i -> i.describe(null)).toList();
            StoredGraph logged = work.store()
                    .update(
                            g,
                            List.of(graphEvents.of(
                                    g,
                                    result.explanation()
                                            .map(e -> e.service().isEmpty() ? null : e.service())
                                            .orElse(null),
                                    "SCALING_INFEASIBLE",
                                    "No replica counts fit: " + why + " Inputs: " + String.join("; ", described)
                                            + ". Re-placing the graph.")));
            try {
                return orchestrator.replace(logged.name());
            } catch (PlacementFailedException e) {
                return orchestrator.get(name);
            }
        }
        return apply(g, result, inputs, work);
    }

    private Optional<Coefficients> coefficients(String graph, String service, ScalingIntent intent) {
        if (intent.alpha().isPresent()) {
            return Optional.of(
                    new Coefficients(intent.alpha().getAsDouble(), intent.beta().orElse(0), "descriptor"));
        }
        return profiles.current(graph, service).map(p -> new Coefficients(p.alpha(), p.beta(), source(p)));
    }

    private static String source(ServiceProfile p) {
        return String.format(java.util.Locale.ROOT, "profile v%d, R² %.3f", p.version(), p.rSquared());
    }

    /** The model's recommendation for one service, damped, as the MILP's input (bounds fixed to the target). */
    private Input decide(StoredGraph g, StoredService s, ScalingIntent intent, Coefficients c, double rate) {
        int min = intent.minReplicas();
        int max = Math.max(Math.max(1, min), intent.maxReplicas());
        double planned = rate / intent.targetUtilisation();
        int current = Math.max(0, s.replicas());
        var resources = s.resources();
        ScalingService unbounded = new ScalingService(
                s.name(),
                s.cluster(),
                resources.cpuMillis(),
                resources.memoryBytes(),
                resources.gpus(),
                min,
                max,
                current,
                c.alpha(),
                c.beta(),
                planned);
        int recommended = unbounded.replicasNeeded();
        if (recommended > max) {
            // The rate needs more than maxReplicas: the MILP explains it and the graph is re-placed.
            return new Input(
                    unbounded,
                    rate,
                    intent.targetUtilisation(),
                    c,
                    current,
                    recommended,
                    new Stabiliser.Decision(recommended, ""));
        }
        Stabiliser.Decision decision =
                stabiliser.decide(g.name() + "/" + s.name(), clock.instant(), current, recommended, min, max);
        int target = decision.replicas();
        double served = c.alpha() * target + c.beta();
        double beta = served < 0 ? -c.alpha() * target : c.beta();
        ScalingService fixed = new ScalingService(
                s.name(),
                s.cluster(),
                resources.cpuMillis(),
                resources.memoryBytes(),
                resources.gpus(),
                target,
                Math.max(1, target),
                current,
                c.alpha(),
                beta,
                Math.max(0, Math.min(planned, served)));
        return new Input(fixed, rate, intent.targetUtilisation(), c, current, recommended, decision);
    }

    private StoredGraph apply(StoredGraph g, ScalingResult result, Map<String, Input> inputs, Work work) {
        List<StoredService> next = new ArrayList<>();
        List<GraphEvent> events = new ArrayList<>();
        for (StoredService s : g.services()) {
            Integer r = result.replicas().get(s.name());
            Input input = inputs.get(s.name());
            if (r == null || r == s.replicas()) {
                next.add(s);
                if (input != null && input.recommended() != s.replicas()) {
                    events.add(graphEvents.of(
                            g,
                            s.name(),
                            "SCALING_HELD",
                            "Replicas of " + s.name() + " stay at " + s.replicas() + ": " + input.describe(r) + "."));
                }
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
                        "Scaling " + s.name() + " to " + r + " failed: " + Executor.message(e) + " ("
                                + input.describe(r) + ")"));
                continue;
            }
            next.add(s.withReplicas(r));
            events.add(graphEvents.of(
                    g,
                    s.name(),
                    "SCALED",
                    "Replicas of " + s.name() + ": " + s.replicas() + " → " + r + ": " + input.describe(r) + "."));
        }
        return events.isEmpty() ? g : work.store().update(g.withServices(next), events);
    }

    /**
     * CPU, memory and GPUs the graph's scalable services may use per cluster: what the cluster offers this graph,
     * less what the graph's other running services there hold.
     */
    private Map<String, long[]> free(StoredGraph g, Set<String> scalable) {
        Map<String, long[]> free = new LinkedHashMap<>();
        for (ClusterInfo c : Capacity.availableTo(store.clusters(), countsDeployed, store.demand(g.name()))) {
            free.put(c.name(), new long[] {c.cpuMillis(), c.memoryBytes(), c.gpus()});
        }
        Set<String> seen = new HashSet<>();
        for (StoredService s : g.services()) {
            long[] f = free.get(s.cluster());
            if (f == null
                    || scalable.contains(s.name())
                    || s.status() != ServiceStatus.DEPLOYED
                    || !seen.add(s.name())) {
                continue;
            }
            f[0] = Math.max(0, f[0] - s.resources().cpuMillis() * s.replicas());
            f[1] = Math.max(0, f[1] - s.resources().memoryBytes() * s.replicas());
            f[2] = Math.max(0, f[2] - (long) s.resources().gpus() * s.replicas());
        }
        return free;
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

    /** A capacity model and where it came from: {@code descriptor} or {@code profile vN}. */
    record Coefficients(double alpha, double beta, String source) {}

    /** One service's inputs to the round. */
    record Input(
            ScalingService service,
            double rate,
            double targetUtilisation,
            Coefficients coefficients,
            int previous,
            int recommended,
            Stabiliser.Decision decision) {

        String describe(Integer result) {
            StringBuilder b = new StringBuilder(String.format(
                    java.util.Locale.ROOT,
                    "%s rate %.2f req/s, capacity %s·r %s %s req/s (%s), target utilisation %s, previous %d,"
                            + " recommended %d",
                    service.name(),
                    rate,
                    number(coefficients.alpha()),
                    coefficients.beta() < 0 ? "−" : "+",
                    number(Math.abs(coefficients.beta())),
                    coefficients.source(),
                    number(targetUtilisation),
                    previous,
                    recommended));
            if (!decision.reason().isEmpty()) {
                b.append(", target ")
                        .append(decision.replicas())
                        .append(" (")
                        .append(decision.reason())
                        .append(')');
            }
            if (result != null) {
                b.append(", result ").append(result);
            }
            return b.toString();
        }

        private static String number(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : String.format(java.util.Locale.ROOT, "%.3f", value);
        }
    }
}
