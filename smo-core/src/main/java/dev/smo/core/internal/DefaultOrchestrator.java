package dev.smo.core.internal;

import dev.smo.core.Alert;
import dev.smo.core.AlertOutcome;
import dev.smo.core.ArtifactException;
import dev.smo.core.GraphAlreadyExistsException;
import dev.smo.core.GraphBusyException;
import dev.smo.core.GraphNotFoundException;
import dev.smo.core.IllegalTransitionException;
import dev.smo.core.Orchestrator;
import dev.smo.core.PlacementFailedException;
import dev.smo.core.Plan;
import dev.smo.core.PlannedService;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.ArtifactFetcher;
import dev.smo.core.spi.ClusterInfo;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.GraphEvent;
import dev.smo.core.spi.GraphStatus;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.ServiceStatus;
import dev.smo.core.spi.StoredGraph;
import dev.smo.core.spi.StoredService;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.ParseOptions;
import dev.smo.model.Service;
import dev.smo.model.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The orchestrator: records each lifecycle step in the store, then has the {@link Executor} carry it out. */
public final class DefaultOrchestrator implements Orchestrator {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final GraphStore store;
    private final ClusterInventory inventory;
    private final ArtifactFetcher artifacts;
    private final Planner planner;
    private final Executor executor;
    private final Scaling scaling;
    private final Clock clock;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ParseOptions parseOptions;

    DefaultOrchestrator(Parts parts) {
        this.store = parts.store();
        this.inventory = parts.inventory();
        this.artifacts = parts.artifacts();
        this.clock = parts.clock();
        this.parseOptions = ParseOptions.defaults()
                .withResourceLevels(parts.translator().table().levels());
        this.planner = new Planner(parts.translator(), parts.placementOptimizer(), parts.weights());
        this.executor = new Executor(store, parts.deployer(), parts.rules(), parts.dashboards(), clock, this::parse);
        this.scaling = new Scaling(
                this,
                this::parse,
                store,
                parts.scaler(),
                parts.metrics(),
                parts.scalingOptimizer(),
                clock,
                parts.scalingInterval(),
                parts.inventory().countsDeployedWorkloads());
    }

    /**
     * @param parts the ports and settings
     * @return a started orchestrator (its scaling loop runs when an interval is set)
     */
    public static DefaultOrchestrator create(Parts parts) {
        DefaultOrchestrator orchestrator = new DefaultOrchestrator(parts);
        orchestrator.scaling.start();
        return orchestrator;
    }

    @Override
    public StoredGraph deploy(String project, HdaGraph graph) {
        requireProject(project);
        if (store.find(graph.id()).isPresent()) {
            throw new GraphAlreadyExistsException(graph.id());
        }
        Plan plan = planFor(project, graph, Map.of(), Map.of(), true);
        if (!plan.feasible()) {
            throw new PlacementFailedException(graph.id(), plan.placement());
        }
        List<StoredService> services = new ArrayList<>();
        for (PlannedService p : plan.services()) {
            Service s = graph.service(p.name()).orElseThrow();
            services.add(new StoredService(
                    p.name(),
                    p.pending() ? ServiceStatus.PENDING : ServiceStatus.DEPLOYING,
                    p.cluster(),
                    p.replicas(),
                    p.resources().cpuMillis(),
                    p.resources().memoryBytes(),
                    p.resources().storageBytes(),
                    p.resources().gpus(),
                    s.artifact().ociImage(),
                    s.artifact().ociConfig() == null
                            ? null
                            : s.artifact().ociConfig().type(),
                    s.artifact().ociConfig() == null
                            ? null
                            : s.artifact().ociConfig().implementer(),
                    p.values(),
                    p.alertRules(),
                    null,
                    null));
        }
        StoredGraph draft = new StoredGraph(
                        graph.id(),
                        project,
                        GraphStatus.DEPLOYING,
                        Descriptors.toJson(graph),
                        Map.of(),
                        null,
                        List.of(),
                        0,
                        null,
                        null)
                .withServices(services);
        StoredGraph stored = store.insert(
                draft,
                List.of(
                        event(
                                graph.id(),
                                "DEPLOY_REQUESTED",
                                "Deploy of " + services.size() + " services into project (" + project + ") requested."),
                        event(graph.id(), "PLACED", describe(plan))));
        return run(stored);
    }

    @Override
    public StoredGraph deployDescriptor(String project, String descriptor) {
        return deploy(project, parse(descriptor));
    }

    @Override
    public HdaGraph parse(String descriptor) {
        return Descriptors.parse(descriptor, parseOptions);
    }

    @Override
    public StoredGraph deployArtifact(String project, String reference) {
        if (artifacts == null) {
            throw new ArtifactException(
                    reference,
                    "Artifact (" + reference + ") cannot be fetched: no registry is "
                            + "configured.\nMaybe post the descriptor itself instead of an artifact reference.",
                    null);
        }
        return deployDescriptor(project, artifacts.fetchDescriptor(reference));
    }

    @Override
    public Plan plan(String project, HdaGraph graph) {
        requireProject(project);
        return planFor(project, graph, Map.of(), Map.of(), false);
    }

    @Override
    public Plan plan(String project, HdaGraph graph, Map<String, String> current, Map<String, Integer> replicas) {
        requireProject(project);
        return planFor(project, graph, current, replicas, false);
    }

    @Override
    public StoredGraph get(String name) {
        return store.find(name).orElseThrow(() -> new GraphNotFoundException(name));
    }

    @Override
    public Optional<StoredGraph> find(String name) {
        return store.find(name);
    }

    @Override
    public List<StoredGraph> list(String project) {
        return store.list(project);
    }

    @Override
    public StoredGraph replace(String name) {
        StoredGraph g = settled(name);
        if (g.status() == GraphStatus.STOPPED) {
            throw new IllegalTransitionException("Graph (" + name + ") is stopped; nothing to re-place.\n"
                    + "Maybe start it: it is placed again on start.");
        }
        HdaGraph graph = parse(g.descriptor());
        Map<String, Integer> replicas = new LinkedHashMap<>();
        g.services().forEach(s -> replicas.put(s.name(), Math.max(1, s.replicas())));
        Plan plan = planFor(g.project(), graph, g.placement(), replicas, true);
        if (!plan.feasible()) {
            store.update(g, List.of(event(name, "REPLACEMENT_FAILED", describe(plan))));
            throw new PlacementFailedException(name, plan.placement());
        }
        List<StoredService> next = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (StoredService s : g.services()) {
            PlannedService p = plan.services().stream()
                    .filter(x -> x.name().equals(s.name()))
                    .findFirst()
                    .orElseThrow();
            boolean changed = !p.cluster().equals(s.cluster()) || !p.values().equals(s.values());
            if (!p.cluster().equals(s.cluster())) {
                moved.add(s.name() + ": " + s.cluster() + " → " + p.cluster());
            }
            StoredService placed = s.withPlacement(p.cluster(), p.values());
            boolean redo = (changed && s.status() == ServiceStatus.DEPLOYED) || s.status() == ServiceStatus.FAILED;
            next.add(redo ? placed.withStatus(ServiceStatus.DEPLOYING, null) : placed);
        }
        List<GraphEvent> events = List.of(
                event(
                        name,
                        "REPLACE_REQUESTED",
                        "Re-placement requested; "
                                + (moved.isEmpty() ? "no service moves." : "moving " + String.join(", ", moved) + ".")),
                event(name, "PLACED", describe(plan)));
        StoredGraph recorded = store.update(g.withStatus(GraphStatus.REPLACING).withServices(next), events);
        return run(recorded);
    }

    @Override
    public StoredGraph stop(String name) {
        StoredGraph g = settled(name);
        if (g.status() == GraphStatus.STOPPED) {
            throw new IllegalTransitionException("Graph (" + name + ") is already stopped.");
        }
        List<StoredService> next = g.services().stream()
                .map(s -> s.status() == ServiceStatus.PENDING || s.status() == ServiceStatus.STOPPED
                        ? s
                        : s.withStatus(ServiceStatus.STOPPING, null))
                .toList();
        return run(store.update(
                g.withStatus(GraphStatus.STOPPING).withServices(next),
                List.of(event(name, "STOP_REQUESTED", "Stop requested: uninstalling every release."))));
    }

    @Override
    public StoredGraph start(String name) {
        StoredGraph g = settled(name);
        if (g.status() != GraphStatus.STOPPED) {
            throw new IllegalTransitionException("Graph (" + name + ") is "
                    + g.status().label() + ", not Stopped; only a stopped graph can be started.");
        }
        List<StoredService> next = g.services().stream()
                .map(s -> s.status() == ServiceStatus.STOPPED ? s.withStatus(ServiceStatus.DEPLOYING, null) : s)
                .toList();
        StoredGraph recorded = store.update(
                g.withStatus(GraphStatus.STARTING).withServices(next),
                List.of(event(
                        name,
                        "START_REQUESTED",
                        "Start requested: reinstalling the services that ran "
                                + "before the stop; event-triggered ones wait for their alert.")));
        recorded = run(recorded);
        return recorded.services().isEmpty() ? recorded : replaceIfClustersChanged(recorded);
    }

    /** After a start, re-places services whose cluster is gone; the start itself stands either way. */
    private StoredGraph replaceIfClustersChanged(StoredGraph g) {
        try {
            Set<String> ready = readClusters().stream()
                    .filter(ClusterInfo::ready)
                    .map(ClusterInfo::name)
                    .collect(Collectors.toSet());
            boolean lost = g.services().stream().anyMatch(s -> s.cluster() != null && !ready.contains(s.cluster()));
            return lost && g.status().isSettled() ? replace(g.name()) : g;
        } catch (PlacementFailedException | SmoIntegrationException e) {
            return store.update(
                    store.find(g.name()).orElse(g),
                    List.of(event(
                            g.name(), "REPLACEMENT_SKIPPED", "Started, but not re-placed: " + Executor.message(e))));
        }
    }

    @Override
    public void remove(String name) {
        StoredGraph g = get(name);
        if (!g.status().isSettled() && active.contains(name)) {
            throw new GraphBusyException(name, g.status());
        }
        List<StoredService> next = g.services().stream()
                .map(s -> s.withStatus(ServiceStatus.REMOVING, null))
                .toList();
        run(store.update(
                g.withStatus(GraphStatus.REMOVING).withServices(next),
                List.of(event(name, "REMOVE_REQUESTED", "Removal requested."))));
    }

    @Override
    public List<AlertOutcome> handleAlerts(List<Alert> alerts) {
        List<AlertOutcome> outcomes = new ArrayList<>();
        for (Alert alert : alerts) {
            outcomes.add(new AlertHandler(this, store).handle(alert));
        }
        return outcomes;
    }

    /** Deploys one pending service; called by {@link AlertHandler}. */
    StoredGraph deployPending(StoredGraph g, StoredService s, String why) {
        StoredGraph recorded = store.update(
                g.withService(s.withStatus(ServiceStatus.DEPLOYING, null)),
                List.of(GraphEvent.of(g.name(), s.name(), clock.instant(), "ALERT_RECEIVED", why)));
        return run(recorded);
    }

    @Override
    public List<ClusterInfo> clusters() {
        return readClusters();
    }

    @Override
    public List<GraphEvent> events(String name) {
        return store.events(name);
    }

    @Override
    public StoredGraph scale(String name) {
        return scaling.round(name);
    }

    @Override
    public List<String> reconcile() {
        List<String> repaired = new ArrayList<>();
        for (StoredGraph g : store.unsettled()) {
            if (active.contains(g.name())) {
                continue;
            }
            store.update(
                    g,
                    List.of(event(
                            g.name(),
                            "RECONCILE",
                            "Finishing recorded work left " + g.status().label() + " by an earlier run.")));
            run(store.find(g.name()).orElseThrow());
            repaired.add(g.name());
        }
        return repaired;
    }

    @Override
    public void close() {
        scaling.close();
    }

    private StoredGraph run(StoredGraph recorded) {
        active.add(recorded.name());
        try {
            return executor.carryOut(recorded);
        } finally {
            active.remove(recorded.name());
        }
    }

    private StoredGraph settled(String name) {
        StoredGraph g = get(name);
        if (!g.status().isSettled()) {
            throw new GraphBusyException(name, g.status());
        }
        return g;
    }

    private Plan planFor(
            String project,
            HdaGraph graph,
            Map<String, String> current,
            Map<String, Integer> replicas,
            boolean record) {
        List<ClusterInfo> clusters = record ? readClusters() : inventory.clusters();
        List<ClusterInfo> available =
                Capacity.availableTo(clusters, inventory.countsDeployedWorkloads(), store.list(null), graph.id());
        return planner.plan(project, graph, available, current, replicas);
    }

    List<ClusterInfo> readClusters() {
        List<ClusterInfo> clusters = inventory.clusters();
        store.replaceClusters(clusters);
        return clusters;
    }

    private GraphEvent event(String graph, String type, String message) {
        return GraphEvent.of(graph, null, clock.instant(), type, message);
    }

    private static String describe(Plan plan) {
        var r = plan.placement();
        if (!r.status().hasSolution()) {
            return "Placement " + r.describe();
        }
        String assignment = r.assignment().entrySet().stream()
                .map(e -> e.getKey() + "→" + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format(
                java.util.Locale.ROOT,
                "Placement %s: %s (moves %d, cut edges %d, %d nodes, %d ms).",
                r.describe(),
                assignment,
                r.terms().moves(),
                r.terms().cutWeight(),
                r.nodes(),
                r.wallTime().toMillis());
    }

    private static void requireProject(String project) {
        if (project == null || !DNS_LABEL.matcher(project).matches()) {
            throw new InvalidDescriptorException(List.of(Violation.of(
                    "/project",
                    "Project (" + project
                            + ") is not a DNS-1123 label; it becomes the Kubernetes namespace of the graph's releases.\n"
                            + "Maybe use lowercase letters, digits and '-', at most 63 characters.")));
        }
    }
}
