package dev.smo.core.internal;

import dev.smo.core.ClusterProvision;
import dev.smo.core.ClusterProvision.State;
import dev.smo.core.ClusterSuggestion;
import dev.smo.core.Command;
import dev.smo.core.ConcurrentUpdateException;
import dev.smo.core.GraphBusyException;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphNotFoundException;
import dev.smo.core.IllegalTransitionException;
import dev.smo.core.Infrastructure;
import dev.smo.core.LeadershipLostException;
import dev.smo.core.Lifecycle;
import dev.smo.core.NfvclCluster;
import dev.smo.core.NfvclClusterNotFoundException;
import dev.smo.core.Orchestrator;
import dev.smo.core.PlacementFailedException;
import dev.smo.core.Plan;
import dev.smo.core.Provisioning;
import dev.smo.core.ProvisioningRefusedException;
import dev.smo.core.StoredGraph;
import dev.smo.core.spi.ClusterRegistry;
import dev.smo.core.spi.ClusterRegistry.MemberState;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.InfrastructureStore;
import dev.smo.model.HdaGraph;
import dev.smo.optimizer.milp.Termination;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The provisioning loop. Requests run on the replica that accepted them (the NFVCL call, the stored provisioning,
 * the graph's event); every later step runs in the leader's rounds, each side effect after a check of its term.
 */
public final class DefaultProvisioning implements Provisioning {

    private static final System.Logger LOG = System.getLogger(DefaultProvisioning.class.getName());
    /** Events whose latest occurrence makes the automatic policy provision for a graph. */
    private static final List<String> SHORT = List.of("REPLACEMENT_FAILED", "SCALING_INFEASIBLE");

    private final Orchestrator smo;
    private final GraphStore graphs;
    private final Infrastructure infrastructure;
    private final InfrastructureStore store;
    private final ClusterRegistry registry;
    private final Settings settings;
    private final Clock clock;
    private final Events events;
    private final ScheduledExecutorService timer;
    private java.util.concurrent.ScheduledFuture<?> rounds;

    public DefaultProvisioning(
            Orchestrator smo,
            GraphStore graphs,
            Infrastructure infrastructure,
            InfrastructureStore store,
            ClusterRegistry registry,
            Settings settings,
            Clock clock) {
        this.smo = smo;
        this.graphs = graphs;
        this.infrastructure = infrastructure;
        this.store = store;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.events = new Events(clock);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smo-provisioning");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Advice advise(Plan plan) {
        List<dev.smo.core.ClusterInfo> available =
                Capacity.availableTo(smo.clusters(), smo.inventoryCountsDeployed(), graphs.demand(plan.graph()));
        return ClusterSizing.advise(
                plan, available, infrastructure.vims(OptionalInt.empty()), store.clusters(OptionalInt.empty()));
    }

    @Override
    public Optional<ClusterProvision> request(String graph) {
        return request(graph, Work.request(graphs, smo.leadership()));
    }

    private synchronized Optional<ClusterProvision> request(String name, Work work) {
        StoredGraph g = smo.get(name);
        Lifecycle.check(Command.PLACE, name, g.status(), true);
        Optional<ClusterProvision> open =
                store.provisions(name).stream().filter(p -> p.state().isOpen()).findFirst();
        if (open.isPresent()) {
            throw new IllegalTransitionException("Graph (" + name + ") already waits for cluster ("
                    + open.get().smoId() + "), " + open.get().state() + ".\nMaybe follow its events: GET /graphs/"
                    + name + "/events.");
        }
        HdaGraph descriptor = smo.parse(g.descriptor());
        Map<String, Integer> replicas = new LinkedHashMap<>();
        g.services().forEach(s -> replicas.put(s.name(), Math.max(1, s.replicas())));
        Plan plan = smo.plan(g.project(), descriptor, g.placement(), replicas);
        if (plan.feasible()) {
            return Optional.empty();
        }
        if (plan.placement().status() != Termination.INFEASIBLE) {
            throw new PlacementFailedException(name, plan.placement());
        }
        Advice advice = advise(plan);
        if (advice.suggestion().isEmpty()) {
            throw new ProvisioningRefusedException(name, plan.placement(), advice.message());
        }
        ClusterSuggestion suggestion = advice.suggestion().get();
        work.check("ask the NFVCL for a cluster for graph (" + name + ")");
        NfvclCluster cluster = infrastructure.createCluster(suggestion.request());
        Instant now = clock.instant();
        ClusterProvision stored = store.insertProvision(new ClusterProvision(
                cluster.smoId(),
                name,
                memberName(cluster.smoId()),
                State.REQUESTED,
                now.plus(settings.timeout()),
                Optional.empty(),
                now,
                now,
                0));
        String why = plan.placement()
                .explanation()
                .map(Object::toString)
                .orElse(plan.placement().describe());
        note(
                work,
                name,
                "PROVISIONING_REQUESTED",
                "Cluster (" + cluster.smoId() + ") requested from the NFVCL: "
                        + suggestion.describe() + "; it must be ready in Karmada as (" + stored.memberName()
                        + ") within "
                        + settings.timeout().toSeconds() + " s. Why: " + why);
        return Optional.of(stored);
    }

    @Override
    public List<ClusterProvision> provisions(String graph) {
        return store.provisions(graph);
    }

    @Override
    public void start() {
        long ms = settings.interval().toMillis();
        rounds = timer.scheduleWithFixedDelay(this::round, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void round() {
        OptionalLong epoch = smo.leadership().epoch();
        if (epoch.isEmpty()) {
            return;
        }
        Work work = Work.leader(graphs, smo.leadership(), epoch.getAsLong());
        try {
            for (ClusterProvision p : store.provisions(null)) {
                if (p.state().isOpen()) {
                    step(p, work);
                }
            }
            if (settings.auto()) {
                automatic(work);
            }
        } catch (LeadershipLostException e) {
            LOG.log(Level.INFO, "Provisioning round stopped: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Provisioning round failed; the next one tries again: " + e.getMessage());
        }
    }

    /** Moves one provisioning on; a failure of one leaves the others to go on. */
    private void step(ClusterProvision p, Work work) {
        try {
            advance(p, work);
        } catch (LeadershipLostException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Provisioning of cluster (" + p.smoId() + ") for graph (" + p.graph() + ") waits: "
                            + e.getMessage());
        }
    }

    private void advance(ClusterProvision p, Work work) {
        Optional<NfvclCluster> found = store.cluster(p.smoId());
        if (found.isEmpty()) {
            end(p, work, State.FAILED, "Cluster (" + p.smoId() + ") was deleted meanwhile.", false);
            return;
        }
        NfvclCluster cluster = found.get();
        if (p.state() == State.REQUESTED && cluster.status().isBusy()) {
            work.check("sync the NFVCL clusters");
            infrastructure.syncClusters(OptionalInt.of(cluster.popArea()));
            cluster = store.cluster(p.smoId()).orElse(cluster);
        }
        if (cluster.status() == NfvclCluster.Status.FAILED) {
            end(
                    p,
                    work,
                    State.FAILED,
                    "The NFVCL failed cluster (" + p.smoId() + "): "
                            + cluster.lastError().orElse("no message") + ".",
                    true);
            return;
        }
        if (p.state() != State.JOINED && clock.instant().isAfter(p.deadline())) {
            end(
                    p,
                    work,
                    State.FAILED,
                    "Cluster (" + p.smoId() + ") was not ready in Karmada within "
                            + settings.timeout().toSeconds() + " s: " + waitingFor(p, cluster) + ".",
                    true);
            return;
        }
        switch (p.state()) {
            case REQUESTED -> {
                if (cluster.status() == NfvclCluster.Status.READY || cluster.status() == NfvclCluster.Status.JOINED) {
                    join(p, work, cluster);
                }
            }
            case JOINING -> {
                MemberState member = registry.state(p.memberName());
                switch (member.phase()) {
                    case READY -> {
                        work.check("record cluster (" + p.smoId() + ") joined");
                        infrastructure.markJoined(p.smoId());
                        ClusterProvision joined = store.updateProvision(p.with(State.JOINED, Optional.empty()));
                        note(
                                work,
                                p.graph(),
                                "CLUSTER_JOINED",
                                "Karmada reports cluster (" + p.memberName() + ") Ready; re-placing the graph.");
                        replace(joined, work);
                    }
                    case ABSENT -> join(p, work, cluster);
                    case NOT_READY -> {
                        Optional<String> reason =
                                Optional.of(member.reason().isEmpty() ? "no reason given" : member.reason());
                        if (!reason.equals(p.detail())) {
                            store.updateProvision(p.with(State.JOINING, reason));
                        }
                    }
                }
            }
            case JOINED -> replace(p, work);
            default -> {}
        }
    }

    private void join(ClusterProvision p, Work work, NfvclCluster cluster) {
        work.check("join cluster (" + p.smoId() + ") to Karmada");
        String kubeconfig = infrastructure.kubeconfig(p.smoId());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("smo.dev/nfvcl-cluster", p.smoId());
        labels.put("smo.dev/pop-area", String.valueOf(cluster.popArea()));
        registry.join(p.memberName(), kubeconfig, labels);
        store.updateProvision(p.with(State.JOINING, Optional.empty()));
        note(
                work,
                p.graph(),
                "CLUSTER_READY",
                "The NFVCL built cluster (" + p.smoId() + ", " + cluster.workers()
                        + " worker(s)); joined to Karmada as (" + p.memberName() + "), waiting for it to be Ready.");
    }

    /** Re-places the graph on the clusters Karmada now reports; a busy graph is tried again next round. */
    private void replace(ClusterProvision p, Work work) {
        try {
            work.check("re-place graph (" + p.graph() + ")");
            smo.submit(Command.PLACE, p.graph());
            store.updateProvision(p.with(State.DONE, Optional.of("Re-placed.")));
        } catch (GraphBusyException e) {
            LOG.log(Level.DEBUG, "Graph (" + p.graph() + ") is busy; re-placing it next round.");
        } catch (GraphNotFoundException e) {
            store.updateProvision(p.with(State.DONE, Optional.of("The graph is gone; the cluster stays.")));
        } catch (IllegalTransitionException e) {
            store.updateProvision(p.with(State.DONE, Optional.of("Not re-placed: " + e.getMessage())));
        } catch (PlacementFailedException e) {
            store.updateProvision(p.with(State.DONE, Optional.of("Still not placeable: " + e.getMessage())));
            note(
                    work,
                    p.graph(),
                    "PROVISIONING_FAILED",
                    "Cluster (" + p.memberName() + ") joined, but the graph "
                            + "still cannot be placed; the cluster stays. " + e.getMessage());
        }
    }

    /** Ends a provisioning: leaves Karmada and deletes the cluster first, so a failure there is tried again. */
    private void end(ClusterProvision p, Work work, State state, String why, boolean delete) {
        if (delete) {
            work.check("delete cluster (" + p.smoId() + ")");
            registry.leave(p.memberName());
            try {
                infrastructure.deleteCluster(p.smoId());
            } catch (NfvclClusterNotFoundException gone) {
                LOG.log(Level.DEBUG, "Cluster (" + p.smoId() + ") is already gone.");
            }
        }
        store.updateProvision(p.with(state, Optional.of(why)));
        String message = why + (delete ? " It was deleted through the NFVCL." : "");
        LOG.log(Level.WARNING, "Provisioning for graph (" + p.graph() + "): " + message);
        note(work, p.graph(), "PROVISIONING_FAILED", message);
    }

    private static String waitingFor(ClusterProvision p, NfvclCluster cluster) {
        return switch (p.state()) {
            case REQUESTED -> "the NFVCL still reports it " + cluster.status();
            case JOINING -> "Karmada reports it not Ready (" + p.detail().orElse("no reason given") + ")";
            default -> p.state().name();
        };
    }

    /** The automatic policy: a graph whose last re-placement or scaling failed for lack of capacity provisions. */
    private void automatic(Work work) {
        for (StoredGraph g : smo.list(null)) {
            if (!Lifecycle.cell(Command.PLACE, g.status()).allowed()) {
                continue;
            }
            List<GraphEvent> log = smo.events(g.name());
            if (log.isEmpty() || !SHORT.contains(log.get(log.size() - 1).type())) {
                continue;
            }
            Instant failed = log.get(log.size() - 1).at();
            boolean tried = store.provisions(g.name()).stream()
                    .anyMatch(p -> !p.createdAt().isBefore(failed));
            if (tried
                    || store.provisions(g.name()).stream()
                            .anyMatch(p -> p.state().isOpen())) {
                continue;
            }
            try {
                request(g.name(), work);
            } catch (LeadershipLostException e) {
                throw e;
            } catch (RuntimeException e) {
                note(work, g.name(), "PROVISIONING_FAILED", "No cluster provisioned: " + e.getMessage());
            }
        }
    }

    /** Appends an event to a graph, reading it again when another writer changed it meanwhile. */
    private void note(Work work, String graph, String type, String message) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<StoredGraph> g = graphs.find(graph);
            if (g.isEmpty()) {
                return;
            }
            try {
                work.store().update(g.get(), List.of(events.of(graph, type, message)));
                return;
            } catch (ConcurrentUpdateException e) {
                LOG.log(Level.DEBUG, "Graph (" + graph + ") changed meanwhile; noting " + type + " again.");
            } catch (GraphNotFoundException e) {
                return;
            }
        }
        LOG.log(Level.WARNING, "Event " + type + " of graph (" + graph + ") not stored: " + message);
    }

    /** @return the Karmada member name of an NFVCL cluster: a DNS-1123 label */
    static String memberName(String smoId) {
        return smoId.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public void close() {
        if (rounds != null) {
            rounds.cancel(false);
        }
        timer.shutdownNow();
    }
}
