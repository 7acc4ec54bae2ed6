package dev.smo.core.internal;

import dev.smo.core.AlertRule;
import dev.smo.core.ClusterInfo;
import dev.smo.core.Plan;
import dev.smo.core.PlanOptions;
import dev.smo.core.PlannedService;
import dev.smo.core.SchedulingTraits;
import dev.smo.core.ServiceDiscovery;
import dev.smo.intent.IntentTranslator;
import dev.smo.intent.ResourceRequest;
import dev.smo.model.ClusterSelector;
import dev.smo.model.ClusterTolerations;
import dev.smo.model.Gpu;
import dev.smo.model.HdaGraph;
import dev.smo.model.Service;
import dev.smo.model.Trigger;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.PlacementOptimizer;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementResult;
import dev.smo.optimizer.placement.PlacementWeights;
import dev.smo.optimizer.placement.ServiceDemand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a descriptor and the clusters' free capacity into a {@link Plan}: placement, values and rules. */
final class Planner {

    private final IntentTranslator translator;
    private final SolverOptions solverOptions;
    private final PlacementOptimizer optimizer;
    private final PlacementWeights weights;
    private final ServiceDiscovery discovery;

    Planner(
            IntentTranslator translator,
            SolverOptions solverOptions,
            PlacementWeights weights,
            ServiceDiscovery discovery) {
        this.translator = translator;
        this.solverOptions = solverOptions;
        this.optimizer = PlacementOptimizer.create(solverOptions);
        this.weights = weights;
        this.discovery = discovery;
    }

    /**
     * @param project the project
     * @param graph the descriptor
     * @param clusters clusters with the capacity this graph may use
     * @param current service → current cluster (empty for a first placement)
     * @param replicas service → replica count (missing means 1)
     * @param options this plan's objective and time limit, where they differ from the orchestrator's
     * @return the plan
     */
    Plan plan(
            String project,
            HdaGraph graph,
            List<ClusterInfo> clusters,
            Map<String, String> current,
            Map<String, Integer> replicas,
            PlanOptions options) {
        Map<String, ResourceRequest> resources = translator.translate(graph);
        PlacementProblem.Builder problem =
                PlacementProblem.builder().weights(options.weights() == null ? weights : options.weights());
        Map<String, Set<String>> pinned = StaticPlacement.pins(graph, clusters);
        for (Service s : graph.services()) {
            ResourceRequest r = resources.get(s.id());
            ServiceDemand demand = ServiceDemand.of(
                    s.id(), r.cpuMillis(), r.memoryBytes(), r.gpus(), replicas.getOrDefault(s.id(), 1));
            demand = pinned.containsKey(s.id()) ? demand.onlyOn(pinned.get(s.id())) : demand;
            var needs = new ClusterFit.Needs(
                    ClusterTolerations.tolerationsOf(s.artifact()),
                    neededApis(graph, s),
                    s.intent().compute().gpu(),
                    ClusterSelector.acceptedBy(s.artifact()));
            problem.service(ClusterFit.restrict(demand, clusters, current.get(s.id()), needs));
        }
        for (ClusterInfo c : clusters) {
            problem.cluster(new ClusterCapacity(c.name(), c.cpuMillis(), c.memoryBytes(), c.gpus(), c.ready()));
        }
        current.forEach((service, cluster) -> {
            if (graph.service(service).isPresent()) {
                problem.current(service, cluster);
            }
        });
        addEdges(graph, problem);
        coLocationGroups(graph).forEach(problem::coLocate);
        SolverOptions limits = solverOptions;
        if (options.timeLimit() != null) {
            limits = limits.withTimeLimit(options.timeLimit());
        }
        if (options.nodeLimit() != null) {
            limits = limits.withNodeLimit(options.nodeLimit());
        }
        PlacementOptimizer solver = options.timeLimit() == null && options.nodeLimit() == null
                ? optimizer
                : PlacementOptimizer.create(limits);
        PlacementResult result = solver.solve(problem.build());

        Map<String, String> placement = result.assignment();
        Map<String, List<String>> imports = HelmValues.importClusters(graph, placement, discovery);
        List<PlannedService> services = new ArrayList<>();
        for (Service s : graph.services()) {
            String cluster = placement.get(s.id());
            int n = replicas.getOrDefault(s.id(), 1);
            Map<String, Object> values = HelmValues.compose(
                    s,
                    cluster,
                    imports.get(s.id()),
                    HelmValues.endpoints(s, graph, placement, project, discovery),
                    resources.get(s.id()),
                    n,
                    gpuResource(clusters, cluster, s.intent().compute().gpu()));
            List<AlertRule> rules = AlertRules.of(graph, s);
            boolean pending = s.deployment().trigger() instanceof Trigger.Event;
            services.add(new PlannedService(s.id(), cluster, n, resources.get(s.id()), values, rules, pending));
        }
        return new Plan(graph.id(), project, result, services);
    }

    /**
     * The MCS APIs a service's objects need where it runs: ServiceExport when other services call it, and, with
     * Karmada's multi-cluster services, ServiceImport when it calls others (their imports and {@code derived-}
     * Services land on its cluster).
     */
    private Set<String> neededApis(HdaGraph graph, Service service) {
        Set<String> apis = new LinkedHashSet<>();
        boolean called = graph.services().stream()
                .anyMatch(other -> !other.id().equals(service.id())
                        && other.intent().connectionPoints().contains(service.id()));
        if (called) {
            apis.add(SchedulingTraits.SERVICE_EXPORT);
        }
        boolean calls = service.intent().connectionPoints().stream()
                .anyMatch(t -> !t.equals(service.id()) && graph.service(t).isPresent());
        if (calls && discovery == ServiceDiscovery.KARMADA_MCS) {
            apis.add(SchedulingTraits.SERVICE_IMPORT);
        }
        return apis;
    }

    /**
     * The GPU resource name the service takes on the chosen cluster: its vendor's there, else the cluster's
     * ({@code nvidia.com/gpu} when it names none).
     */
    private static String gpuResource(List<ClusterInfo> clusters, String cluster, Gpu need) {
        return clusters.stream()
                .filter(c -> c.name().equals(cluster))
                .findFirst()
                .map(c -> c.traits().gpuResourceFor(need))
                .orElse(SchedulingTraits.DEFAULT_GPU_RESOURCE);
    }

    private static void addEdges(HdaGraph graph, PlacementProblem.Builder problem) {
        Set<String> seen = new HashSet<>();
        for (Service s : graph.services()) {
            for (String target : s.intent().connectionPoints()) {
                if (target.equals(s.id()) || graph.service(target).isEmpty()) {
                    continue;
                }
                String key = s.id().compareTo(target) < 0 ? s.id() + "\u0000" + target : target + "\u0000" + s.id();
                if (seen.add(key)) {
                    problem.edge(s.id(), target, 1);
                }
            }
        }
    }

    /** Each service with a non-empty coLocation list forms a group with the services it names. */
    private static List<Set<String>> coLocationGroups(HdaGraph graph) {
        List<Set<String>> groups = new ArrayList<>();
        for (Service s : graph.services()) {
            List<String> others = s.intent().coLocation().stream()
                    .filter(o -> graph.service(o).isPresent() && !o.equals(s.id()))
                    .toList();
            if (!others.isEmpty()) {
                Set<String> group = new LinkedHashSet<>();
                group.add(s.id());
                group.addAll(others);
                groups.add(group);
            }
        }
        return groups;
    }
}
