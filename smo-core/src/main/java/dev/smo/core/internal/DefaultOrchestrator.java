package dev.smo.core.internal;

import dev.smo.core.Alert;
import dev.smo.core.AlertOutcome;
import dev.smo.core.ArtifactException;
import dev.smo.core.ChartRef;
import dev.smo.core.ClusterInfo;
import dev.smo.core.Command;
import dev.smo.core.ConcurrentUpdateException;
import dev.smo.core.GraphAlreadyExistsException;
import dev.smo.core.GraphBusyException;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphNotFoundException;
import dev.smo.core.GraphStatus;
import dev.smo.core.LeadershipLostException;
import dev.smo.core.Lifecycle;
import dev.smo.core.Operation;
import dev.smo.core.Orchestrator;
import dev.smo.core.PlacementFailedException;
import dev.smo.core.Plan;
import dev.smo.core.PlanOptions;
import dev.smo.core.PlannedService;
import dev.smo.core.ProfileReport;
import dev.smo.core.ServiceNotFoundException;
import dev.smo.core.ServiceProfile;
import dev.smo.core.ServiceStatus;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.ArtifactFetcher;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.Leadership;
import dev.smo.core.spi.ProfileStore;
import dev.smo.core.spi.UnsettledWork;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.OciConfig;
import dev.smo.model.ParseOptions;
import dev.smo.model.Service;
import dev.smo.model.Violation;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The orchestrator: records each lifecycle step in the store, then has the {@link Executor} carry it out. */
public final class DefaultOrchestrator implements Orchestrator {

    private static final System.Logger LOG = System.getLogger(DefaultOrchestrator.class.getName());
    private static final int QUEUE = 1024;
    /** How long a command waits for work that has already settled its graph to let go of it. */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(2);

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** The store as shared by every replica, and the view request work writes through. */
    private final GraphStore shared;

    private final GraphStore store;
    private final Leadership leadership;
    private final Work requestWork;
    /** The epoch of the last term this replica was seen leading in, 0 when it did not lead. */
    private long seenEpoch;

    private final ClusterInventory inventory;
    private final ArtifactFetcher artifacts;
    private final Planner planner;
    private final Executor executor;
    private final Scaling scaling;
    private final ProfileStore profiles;
    private final Profiler profiler;
    private final Clock clock;
    private final Events graphEvents;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ParseOptions parseOptions;
    private final ParsedDescriptors descriptors;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService healer;
    private ScheduledFuture<?> healing;
    private final boolean dryRun;

    DefaultOrchestrator(Parts parts) {
        this.shared = parts.store();
        this.leadership = parts.leadership();
        this.requestWork = Work.request(shared, leadership);
        this.store = requestWork.store();
        this.inventory = parts.inventory();
        this.artifacts = parts.artifacts();
        this.clock = parts.clock();
        this.graphEvents = new Events(clock);
        this.dryRun = parts.deployer() instanceof dev.smo.core.local.DryRunDeployer;
        this.parseOptions = ParseOptions.defaults()
                .withResourceLevels(parts.translator().table().levels());
        this.descriptors = new ParsedDescriptors(this::parse);
        this.planner = new Planner(parts.translator(), parts.solverOptions(), parts.weights(), parts.discovery());
        this.executor = new Executor(parts.deployer(), parts.rules(), parts.dashboards(), clock, descriptors::graph);
        this.scaling = new Scaling(this, descriptors::graph, parts);
        this.profiles = parts.profiles();
        this.profiler = new Profiler(parts.metrics(), parts.profiles(), clock);
        this.workers = new ThreadPoolExecutor(
                parts.workers(),
                parts.workers(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                daemon("smo-worker"));
        this.workers.allowCoreThreadTimeOut(true);
        this.healer = parts.reconcileInterval() == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(daemon("smo-reconcile"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * @param parts the ports and settings
     * @return a started orchestrator (its scaling loop runs when an interval is set)
     */
    public static DefaultOrchestrator create(Parts parts) {
        DefaultOrchestrator orchestrator = new DefaultOrchestrator(parts);
        orchestrator.scaling.start();
        if (orchestrator.healer != null) {
            long ms = parts.reconcileInterval().toMillis();
            orchestrator.healing =
                    orchestrator.healer.scheduleWithFixedDelay(orchestrator::heal, ms, ms, TimeUnit.MILLISECONDS);
        }
        return orchestrator;
    }

    @Override
    public StoredGraph deploy(String project, HdaGraph graph) {
        return submit(project, graph, false).result().orElseThrow();
    }

    @Override
    public Operation submitDeploy(String project, HdaGraph graph) {
        return submit(project, graph, true);
    }

    private Operation submit(String project, HdaGraph graph, boolean async) {
        requireProject(project);
        if (!active.add(graph.id())) {
            throw new GraphAlreadyExistsException(graph.id());
        }
        try {
            Lifecycle.Cell cell = Lifecycle.check(
                    Command.DEPLOY,
                    graph.id(),
                    store.find(graph.id()).map(StoredGraph::status).orElse(null),
                    true);
            return dispatch(Command.DEPLOY, recordDeploy(project, graph, cell), async, requestWork);
        } catch (RuntimeException e) {
            active.remove(graph.id());
            throw e;
        }
    }

    private StoredGraph recordDeploy(String project, HdaGraph graph, Lifecycle.Cell cell) {
        Plan plan = planFor(project, graph, Map.of(), Map.of(), true, PlanOptions.DEFAULTS);
        if (!plan.feasible()) {
            throw new PlacementFailedException(graph.id(), plan.placement());
        }
        List<StoredService> services = new ArrayList<>();
        for (PlannedService p : plan.services()) {
            Service s = graph.service(p.name()).orElseThrow();
            OciConfig oci = s.artifact().ociConfig();
            ChartRef chart = new ChartRef(
                    s.artifact().ociImage(), oci == null ? null : oci.type(), oci == null ? null : oci.implementer());
            services.add(StoredService.of(
                            p.name(),
                            p.pending() ? ServiceStatus.PENDING : ServiceStatus.DEPLOYING,
                            p.replicas(),
                            p.resources(),
                            chart)
                    .withPlacement(p.cluster(), p.values())
                    .withAlertRules(p.alertRules()));
        }
        String descriptor = Descriptors.toJson(graph);
        descriptors.remember(descriptor, graph);
        StoredGraph draft = new StoredGraph(
                        graph.id(), project, cell.via(), descriptor, Map.of(), null, List.of(), 0, null, null)
                .withServices(services);
        return store.insert(
                draft,
                List.of(
                        graphEvents.of(
                                graph.id(),
                                cell.event(),
                                "Deploy of " + services.size() + " services into project (" + project + ") requested."),
                        graphEvents.of(graph.id(), "PLACED", describe(plan))));
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
        return deploy(project, fetch(reference));
    }

    @Override
    public HdaGraph fetch(String reference) {
        if (artifacts == null) {
            throw new ArtifactException(
                    reference,
                    "Artifact (" + reference + ") cannot be fetched: no registry is "
                            + "configured.\nMaybe post the descriptor itself instead of an artifact reference.",
                    null);
        }
        return parse(artifacts.fetchDescriptor(reference));
    }

    @Override
    public Plan plan(
            String project,
            HdaGraph graph,
            Map<String, String> current,
            Map<String, Integer> replicas,
            PlanOptions options) {
        requireProject(project);
        return planFor(project, graph, current, replicas, false, options);
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
        return command(Command.PLACE, name, false).result().orElseThrow();
    }

    @Override
    public StoredGraph stop(String name) {
        return command(Command.STOP, name, false).result().orElseThrow();
    }

    @Override
    public StoredGraph start(String name) {
        return command(Command.START, name, false).result().orElseThrow();
    }

    @Override
    public void remove(String name) {
        command(Command.REMOVE, name, false).result();
    }

    @Override
    public Operation submit(Command command, String name) {
        if (command == Command.DEPLOY || command == Command.ALERT) {
            throw new IllegalArgumentException(command + " takes a descriptor or an alert, not a graph name.");
        }
        return command(command, name, true);
    }

    /**
     * Claims a graph for a command. When other work holds it but the store already shows the graph settled, that
     * work has made its last write and is about to let go: wait for it a moment, so a client that saw the settled
     * state and sends its next command at once is not told the graph is busy.
     *
     * @return whether the graph is now claimed by the caller
     */
    private boolean claim(String name) {
        if (active.add(name)) {
            return true;
        }
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (store.find(name).map(g -> !g.status().isSettled()).orElse(true)) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (active.add(name)) {
                return true;
            }
        }
        return false;
    }

    /** Claims the graph, checks the command against the lifecycle table, records the transition, runs the work. */
    private Operation command(Command command, String name, boolean async) {
        if (!claim(name)) {
            throw new GraphBusyException(name, get(name).status());
        }
        try {
            StoredGraph g = get(name);
            Lifecycle.Cell cell = Lifecycle.check(command, name, g.status(), true);
            StoredGraph recorded = switch (command) {
                case PLACE -> recordReplace(g, cell);
                case STOP -> recordStop(g, cell);
                case START -> recordStart(g, cell);
                case REMOVE -> recordRemove(g, cell);
                default -> throw new IllegalArgumentException(command.name());
            };
            return dispatch(command, recorded, async, requestWork);
        } catch (RuntimeException e) {
            active.remove(name);
            throw e;
        }
    }

    /**
     * Runs the recorded work, on a worker thread or on the caller's, and releases the graph's claim after it.
     * When every worker is busy and the queue is full, the caller's thread does the work.
     */
    private Operation dispatch(Command command, StoredGraph recorded, boolean async, Work work) {
        CompletableFuture<Optional<StoredGraph>> outcome = new CompletableFuture<>();
        Runnable task = () -> {
            Optional<StoredGraph> result = Optional.empty();
            Throwable failure = null;
            try {
                StoredGraph done = executor.carryOut(recorded, work);
                if (command == Command.START && done != null && !done.services().isEmpty()) {
                    done = replaceIfClustersChanged(done, work);
                }
                result = Optional.ofNullable(done);
            } catch (RuntimeException | Error e) {
                LOG.log(
                        Level.WARNING,
                        "Work on graph (" + recorded.name() + ") stopped: " + Executor.message(e)
                                + "; it stays recorded and is finished by the next reconcile.");
                failure = e;
            } finally {
                // Released before the outcome is told, so a client answered at once may send the next command.
                active.remove(recorded.name());
            }
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(result);
            }
        };
        if (!async) {
            task.run();
            return new Operation(command, recorded, outcome);
        }
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
        return new Operation(command, recorded, outcome);
    }

    private StoredGraph recordReplace(StoredGraph g, Lifecycle.Cell cell) {
        String name = g.name();
        HdaGraph graph = descriptors.graph(g.descriptor());
        Map<String, Integer> replicas = new LinkedHashMap<>();
        g.services().forEach(s -> replicas.put(s.name(), Math.max(1, s.replicas())));
        Plan plan = planFor(g.project(), graph, g.placement(), replicas, true, PlanOptions.DEFAULTS);
        if (!plan.feasible()) {
            store.update(g, List.of(graphEvents.of(name, "REPLACEMENT_FAILED", describe(plan))));
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
                graphEvents.of(
                        name,
                        cell.event(),
                        "Re-placement requested; "
                                + (moved.isEmpty() ? "no service moves." : "moving " + String.join(", ", moved) + ".")),
                graphEvents.of(name, "PLACED", describe(plan)));
        return store.update(g.withStatus(cell.via()).withServices(next), events);
    }

    private StoredGraph recordStop(StoredGraph g, Lifecycle.Cell cell) {
        List<StoredService> next = g.services().stream()
                .map(s -> s.status() == ServiceStatus.PENDING || s.status() == ServiceStatus.STOPPED
                        ? s
                        : s.withStatus(ServiceStatus.STOPPING, null))
                .toList();
        return store.update(
                g.withStatus(cell.via()).withServices(next),
                List.of(graphEvents.of(g.name(), cell.event(), "Stop requested: uninstalling every release.")));
    }

    private StoredGraph recordStart(StoredGraph g, Lifecycle.Cell cell) {
        List<StoredService> next = g.services().stream()
                .map(s -> s.status() == ServiceStatus.STOPPED ? s.withStatus(ServiceStatus.DEPLOYING, null) : s)
                .toList();
        return store.update(
                g.withStatus(cell.via()).withServices(next),
                List.of(graphEvents.of(
                        g.name(),
                        cell.event(),
                        "Start requested: reinstalling the services that ran "
                                + "before the stop; event-triggered ones wait for their alert.")));
    }

    private StoredGraph recordRemove(StoredGraph g, Lifecycle.Cell cell) {
        List<StoredService> next = g.services().stream()
                .map(s -> s.withStatus(ServiceStatus.REMOVING, null))
                .toList();
        return store.update(
                g.withStatus(cell.via()).withServices(next),
                List.of(graphEvents.of(g.name(), cell.event(), "Removal requested.")));
    }

    /**
     * After a start, re-places services whose cluster is gone; the start itself stands either way. Runs with the
     * graph's claim held by the start.
     */
    private StoredGraph replaceIfClustersChanged(StoredGraph g, Work work) {
        try {
            Set<String> ready = readClusters().stream()
                    .filter(ClusterInfo::ready)
                    .map(ClusterInfo::name)
                    .collect(Collectors.toSet());
            boolean lost = g.services().stream().anyMatch(s -> s.cluster() != null && !ready.contains(s.cluster()));
            Lifecycle.Cell cell = Lifecycle.cell(Command.PLACE, g.status());
            if (!lost || !cell.allowed()) {
                return g;
            }
            return executor.carryOut(recordReplace(g, cell), work);
        } catch (PlacementFailedException | SmoIntegrationException e) {
            return store.update(
                    store.find(g.name()).orElse(g),
                    List.of(graphEvents.of(
                            g.name(), "REPLACEMENT_SKIPPED", "Started, but not re-placed: " + Executor.message(e))));
        }
    }

    @Override
    public List<AlertOutcome> handleAlerts(List<Alert> alerts) {
        List<AlertOutcome> outcomes = new ArrayList<>();
        for (Alert alert : alerts) {
            outcomes.add(new AlertHandler(this, store).handle(alert));
        }
        return outcomes;
    }

    /**
     * Deploys one pending service; called by {@link AlertHandler}.
     *
     * @throws GraphBusyException when other work runs on the graph
     */
    StoredGraph deployPending(StoredGraph g, StoredService s, String why) {
        if (!claim(g.name())) {
            throw new GraphBusyException(g.name(), g.status());
        }
        try {
            Lifecycle.Cell cell = Lifecycle.check(Command.ALERT, g.name(), g.status(), true);
            StoredGraph recorded = store.update(
                    g.withStatus(cell.via()).withService(s.withStatus(ServiceStatus.DEPLOYING, null)),
                    List.of(graphEvents.of(g, s.name(), cell.event(), why)));
            return dispatch(Command.ALERT, recorded, false, requestWork)
                    .result()
                    .orElseThrow();
        } catch (RuntimeException e) {
            active.remove(g.name());
            throw e;
        }
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public boolean inventoryCountsDeployed() {
        return inventory.countsDeployedWorkloads();
    }

    @Override
    public List<ClusterInfo> clusters() {
        return readClusters();
    }

    @Override
    public List<GraphEvent> events(String name) {
        // A name can be reused (removed, then deployed again, maybe in another project): each deploy request
        // starts a new generation, and only the latest one belongs to the graph of that name.
        List<GraphEvent> all = store.events(name);
        String deployed = Lifecycle.cell(Command.DEPLOY, null).event();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).type().equals(deployed)) {
                return List.copyOf(all.subList(i, all.size()));
            }
        }
        return all;
    }

    @Override
    public StoredGraph scale(String name) {
        return scaling.round(name, requestWork);
    }

    @Override
    public Leadership leadership() {
        return leadership;
    }

    /** @return the leader's work in its current term, or empty when this replica does not lead */
    Optional<Work> leaderWork() {
        OptionalLong epoch = leadership.epoch();
        return epoch.isPresent() ? Optional.of(Work.leader(shared, leadership, epoch.getAsLong())) : Optional.empty();
    }

    @Override
    public ProfileReport learnProfile(String name, String service, Duration window) {
        if (window == null
                || window.compareTo(Duration.ofMinutes(1)) < 0
                || window.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException(
                    "Profile window (" + window + ") must be between 1 minute and 31 days.\nMaybe use 6h.");
        }
        StoredGraph g = get(name);
        return profiler.learn(g, descriptors.graph(g.descriptor()), service, window);
    }

    @Override
    public Optional<ServiceProfile> profile(String name, String service) {
        StoredGraph g = get(name);
        if (g.services().stream().noneMatch(s -> s.name().equals(service))) {
            throw new ServiceNotFoundException(name, service);
        }
        return profiles.current(name, service);
    }

    @Override
    public Map<String, ServiceProfile> profiles(String name) {
        return profiles.currentOf(name);
    }

    @Override
    public List<String> reconcile() {
        return reconcile(false);
    }

    /**
     * Finishes or rolls forward recorded work no thread of this replica runs: the work this replica recorded (a
     * step that failed while the store or a cluster was away) and, when it leads, the work of replicas whose
     * heartbeat expired, under its term's epoch. Work of other live replicas is theirs to finish.
     *
     * @param async whether the work goes to the workers (the background loop) or runs here
     */
    private List<String> reconcile(boolean async) {
        Optional<Work> leader = leaderWork();
        List<String> repaired = new ArrayList<>();
        for (UnsettledWork listed : shared.unsettledWork()) {
            boolean own = leadership.replica().equals(listed.worker());
            boolean orphaned = !own && (listed.worker() == null || !listed.workerAlive());
            if (!own && !(orphaned && leader.isPresent())) {
                continue;
            }
            Work work = own ? requestWork : leader.get();
            // The list can be older than the graph: read it again before claiming it, so that work which settled
            // meanwhile is left alone and a client's next command never finds the graph claimed by this loop.
            StoredGraph g = store.find(listed.graph().name())
                    .filter(fresh -> !fresh.status().isSettled())
                    .orElse(null);
            if (g == null || !active.add(g.name())) {
                continue;
            }
            try {
                List<GraphEvent> events = new ArrayList<>();
                if (orphaned && listed.worker() != null) {
                    String takeover = "Replica (" + leadership.replica() + "), leader at epoch "
                            + leadership.epoch().orElse(0) + ", takes over the work replica (" + listed.worker()
                            + ") left " + g.status().label() + ": its heartbeat expired.";
                    LOG.log(Level.INFO, takeover);
                    events.add(graphEvents.of(g.name(), "TAKEOVER", takeover));
                }
                events.add(graphEvents.of(
                        g.name(),
                        "RECONCILE",
                        "Finishing recorded work left " + g.status().label() + " by an earlier step."));
                work.check("finish the recorded work of graph (" + g.name() + ")");
                StoredGraph logged = work.store().update(g, events);
                Operation op = dispatch(commandOf(logged.status()), logged, async, work);
                if (!async) {
                    op.result();
                }
                repaired.add(g.name());
            } catch (ConcurrentUpdateException | GraphNotFoundException | LeadershipLostException e) {
                // Changed or removed meanwhile by another process, or the term ended: the next round sees its state.
                active.remove(g.name());
            } catch (RuntimeException e) {
                active.remove(g.name());
                throw e;
            }
        }
        return repaired;
    }

    private static Command commandOf(GraphStatus via) {
        return switch (via) {
            case STOPPING -> Command.STOP;
            case REMOVING -> Command.REMOVE;
            case STARTING -> Command.START;
            case REPLACING -> Command.PLACE;
            default -> Command.DEPLOY;
        };
    }

    /** The background reconcile: a failed step (the store or a cluster was away) is finished once it is back. */
    private void heal() {
        noteTerm();
        try {
            List<String> repaired = reconcile(true);
            if (!repaired.isEmpty()) {
                LOG.log(Level.INFO, "Reconcile: finishing the recorded work of graphs " + repaired);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Reconcile postponed: " + Executor.message(e));
        }
    }

    /** Logs when this replica starts or stops leading. */
    private void noteTerm() {
        long epoch = leadership.epoch().orElse(0);
        if (epoch == seenEpoch) {
            return;
        }
        if (epoch != 0) {
            LOG.log(
                    Level.INFO,
                    "Replica (" + leadership.replica() + ") leads at epoch " + epoch
                            + ": runs the background work and takes over work replicas left half done.");
        } else {
            LOG.log(
                    Level.WARNING,
                    "Replica (" + leadership.replica() + ") no longer leads (epoch " + seenEpoch
                            + "): its background work stopped.");
        }
        seenEpoch = epoch;
    }

    @Override
    public void close() {
        scaling.close();
        if (healing != null) {
            healing.cancel(false);
        }
        if (healer != null) {
            healer.shutdownNow();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Plan planFor(
            String project,
            HdaGraph graph,
            Map<String, String> current,
            Map<String, Integer> replicas,
            boolean record,
            PlanOptions options) {
        List<ClusterInfo> clusters = record ? readClusters() : inventory.clusters();
        List<ClusterInfo> available =
                Capacity.availableTo(clusters, inventory.countsDeployedWorkloads(), store.demand(graph.id()));
        return planner.plan(project, graph, available, current, replicas, options);
    }

    List<ClusterInfo> readClusters() {
        List<ClusterInfo> clusters = inventory.clusters();
        store.replaceClusters(clusters);
        return clusters;
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
