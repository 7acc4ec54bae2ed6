package dev.smo.core.internal;

import dev.smo.core.AlertRule;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphStatus;
import dev.smo.core.Lifecycle;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.AlertRuleStore;
import dev.smo.core.spi.DashboardPublisher;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import dev.smo.model.HdaGraph;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Carries out the work a stored graph records: installs services marked {@code DEPLOYING}, uninstalls those
 * marked {@code STOPPING} or {@code REMOVING}, keeps alerting rules and dashboards in step, and settles the graph's
 * status. Every Helm call it makes is idempotent, and a Helm call that changes the graph's state is stored before
 * the next side effect, so running the work again after a crash redoes only what is left. What changes no state a
 * restart relies on (a journal entry, a dashboard's address) rides along with the next write: a deploy stores the
 * dashboards with its first release, its last release with the settled status, and a removal journals every
 * uninstall with the deletion.
 */
final class Executor {

    private static final System.Logger LOG = System.getLogger(Executor.class.getName());

    private final Deployer deployer;
    private final AlertRuleStore rules;
    private final DashboardPublisher dashboards;
    private final Events graphEvents;
    private final Function<String, HdaGraph> parser;

    Executor(
            Deployer deployer,
            AlertRuleStore rules,
            DashboardPublisher dashboards,
            Clock clock,
            Function<String, HdaGraph> parser) {
        this.deployer = deployer;
        this.rules = rules;
        this.dashboards = dashboards;
        this.graphEvents = new Events(clock);
        this.parser = parser;
    }

    /**
     * The graph as changed by the work so far, with the events not stored yet. Its version is the one last stored.
     */
    private static final class Pending {

        private StoredGraph graph;
        private final List<GraphEvent> events = new ArrayList<>();
        private boolean helmChange;
        private final Work work;

        Pending(StoredGraph stored, Work work) {
            this.graph = stored;
            this.work = work;
        }

        /**
         * @param next the graph after a step
         * @param event what happened
         * @param fromHelm whether a Helm call changed the state: stored before the next side effect
         */
        void record(StoredGraph next, GraphEvent event, boolean fromHelm) {
            graph = next;
            events.add(event);
            helmChange |= fromHelm;
        }

        /**
         * Stores a Helm call's change before the next side effect (a Helm call, rules, dashboards), then checks
         * that the work may still act.
         */
        void beforeSideEffect(String what) {
            if (helmChange) {
                flush();
            }
            work.check(what + " of graph (" + graph.name() + ")");
        }

        /** @return the stored graph, after writing what is pending in one transaction */
        StoredGraph flush() {
            if (!events.isEmpty()) {
                graph = work.store().update(graph, List.copyOf(events));
                events.clear();
            }
            helmChange = false;
            return graph;
        }
    }

    /**
     * @param graph a stored graph with recorded work
     * @param work where it writes, and whether it may still act
     * @return the graph once settled, or {@code null} when it was removed
     * @throws dev.smo.core.LeadershipLostException when the work may no longer act; what is done is stored
     */
    StoredGraph carryOut(StoredGraph graph, Work work) {
        Pending p = new Pending(graph, work);
        if (!Lifecycle.leaving(graph.status())) {
            syncRules(p);
            publishDashboard(p);
        }
        for (StoredService s : p.graph.services()) {
            switch (s.status()) {
                case DEPLOYING -> install(p, s);
                case STOPPING -> uninstall(p, s, ServiceStatus.STOPPED);
                case REMOVING -> uninstall(p, s, null);
                default -> {}
            }
        }
        return settle(p);
    }

    /** Leaves the graph in the state {@link Lifecycle#settle} gives for its transitional state. */
    private StoredGraph settle(Pending p) {
        StoredGraph g = p.graph;
        boolean failed = g.services().stream().anyMatch(s -> s.status() == ServiceStatus.FAILED);
        GraphStatus next = Lifecycle.settle(g.status(), failed);
        if (next == null) {
            p.beforeSideEffect("delete the rules and dashboards");
            clearRules(g);
            deleteDashboards(g);
            List<GraphEvent> events = new ArrayList<>(p.events);
            events.add(graphEvents.of(
                    g, null, "REMOVED", "Graph removed: releases uninstalled, rules and dashboard deleted."));
            p.work.store().delete(g.name(), p.graph.version(), events);
            return null;
        }
        if (g.status() == next) {
            return p.flush();
        }
        if (next == GraphStatus.STOPPED) {
            p.beforeSideEffect("clear the alerting rules");
            clearRules(g);
        }
        String why = switch (next) {
            case STOPPED -> "Graph stopped: every release uninstalled.";
            case FAILED -> "Graph failed: see the failed services' last errors.";
            default -> "Graph running: every service installed or waiting for its trigger.";
        };
        p.record(p.graph.withStatus(next), graphEvents.of(g, null, next.name(), why), false);
        return p.flush();
    }

    private void install(Pending p, StoredService s) {
        p.beforeSideEffect("install release " + s.name());
        StoredGraph g = p.graph;
        ReleaseSpec spec = new ReleaseSpec(g.project(), s.name(), s.chart().reference(), null, s.values());
        ReleaseStatus status;
        try {
            status = deployer.apply(spec);
        } catch (RuntimeException e) {
            String reason = message(e);
            LOG.log(Level.WARNING, "Release " + g.project() + "/" + s.name() + " failed: " + reason);
            p.record(
                    g.withService(s.withStatus(ServiceStatus.FAILED, reason)),
                    graphEvents.of(
                            g,
                            s.name(),
                            "RELEASE_FAILED",
                            "Release " + g.project() + "/" + s.name() + " failed: " + reason),
                    true);
            return;
        }
        // A store failure when this is written is not the release's: it propagates, and the step is redone later.
        p.record(
                g.withService(s.withStatus(ServiceStatus.DEPLOYED, null)),
                graphEvents.of(
                        g,
                        s.name(),
                        "RELEASE_APPLIED",
                        "Release " + g.project() + "/" + s.name()
                                + " " + status.state() + " (revision " + status.revision() + ") on cluster "
                                + s.cluster() + " from " + s.chart().reference() + "."),
                true);
    }

    /**
     * Uninstalls a release. A stop stores the service's new status; a removal changes no state (the graph stays
     * {@code REMOVING} until it is deleted, and a restart uninstalls every release again), so its journal entries
     * are written with the deletion.
     */
    private void uninstall(Pending p, StoredService s, ServiceStatus next) {
        p.beforeSideEffect("uninstall release " + s.name());
        StoredGraph g = p.graph;
        try {
            deployer.uninstall(g.project(), s.name());
        } catch (RuntimeException e) {
            String reason = message(e);
            GraphEvent failed = graphEvents.of(
                    g,
                    s.name(),
                    "UNINSTALL_FAILED",
                    "Uninstall of " + g.project() + "/" + s.name() + " failed: " + reason);
            if (next == null) {
                // Removal goes on: the graph is deleted; the failure stays in the event log.
                p.record(g, failed, false);
            } else {
                p.record(g.withService(s.withStatus(ServiceStatus.FAILED, reason)), failed, true);
            }
            return;
        }
        GraphEvent done = graphEvents.of(
                g, s.name(), "RELEASE_UNINSTALLED", "Release " + g.project() + "/" + s.name() + " uninstalled.");
        if (next == null) {
            p.record(g, done, false);
        } else {
            p.record(g.withService(s.withStatus(next, null)), done, true);
        }
    }

    /** Writes the rules of the services still waiting for their trigger. */
    private void syncRules(Pending p) {
        StoredGraph g = p.graph;
        List<AlertRule> pending = g.services().stream()
                .filter(s -> s.status() == ServiceStatus.PENDING)
                .flatMap(s -> s.alertRules().stream())
                .toList();
        boolean anyEvent = g.services().stream().anyMatch(s -> !s.alertRules().isEmpty());
        if (!anyEvent) {
            return;
        }
        p.beforeSideEffect("write the alerting rules");
        try {
            rules.replace(g.project(), AlertRules.group(g.name()), pending);
        } catch (RuntimeException e) {
            p.record(
                    g,
                    graphEvents.of(
                            g,
                            null,
                            "RULES_FAILED",
                            "Alerting rules not written: " + message(e) + " Pending services wait until they are."),
                    false);
        }
    }

    private void clearRules(StoredGraph g) {
        if (g.services().stream().allMatch(s -> s.alertRules().isEmpty())) {
            return;
        }
        try {
            rules.replace(g.project(), AlertRules.group(g.name()), List.of());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alerting rules of graph (" + g.name() + ") not removed: " + message(e));
        }
    }

    /** Publishes the graph's dashboard and one per service, once; a failure is logged as an event. */
    private void publishDashboard(Pending p) {
        StoredGraph g = p.graph;
        if (g.dashboardUrl() != null && g.services().stream().allMatch(s -> s.dashboardUrl() != null)) {
            return;
        }
        p.beforeSideEffect("publish the dashboards");
        try {
            StoredGraph next = g;
            if (next.dashboardUrl() == null) {
                next = next.withDashboardUrl(
                        dashboards.publish(Dashboards.graph(parser.apply(g.descriptor()), g.project())));
            }
            for (StoredService s : next.services()) {
                if (s.dashboardUrl() == null) {
                    String url = dashboards.publish(Dashboards.service(g.name(), s.name(), g.project()));
                    next = next.withService(s.withDashboardUrl(url));
                }
            }
            p.record(
                    next,
                    graphEvents.of(
                            g,
                            null,
                            "DASHBOARD_PUBLISHED",
                            "Dashboards published: graph " + "at " + next.dashboardUrl() + ", one per service."),
                    false);
        } catch (RuntimeException e) {
            p.record(g, graphEvents.of(g, null, "DASHBOARD_FAILED", "Dashboard not published: " + message(e)), false);
        }
    }

    private void deleteDashboards(StoredGraph g) {
        List<String> uids = new ArrayList<>();
        uids.add(Dashboards.uid(g.name()));
        g.services().forEach(s -> uids.add(Dashboards.uid(g.name() + "-" + s.name())));
        for (String uid : uids) {
            try {
                dashboards.delete(uid);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Dashboard (" + uid + ") of graph (" + g.name() + ") not deleted: " + e.getMessage());
            }
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
