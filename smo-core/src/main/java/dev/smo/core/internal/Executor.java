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
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import dev.smo.model.HdaGraph;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Carries out the work a stored graph records: installs services marked {@code DEPLOYING}, uninstalls those
 * marked {@code STOPPING} or {@code REMOVING}, keeps alerting rules and dashboards in step, and settles the graph's
 * status. Each finished step is stored at once, so running it again after a crash redoes only what is left; every
 * Helm call it makes is idempotent.
 */
final class Executor {

    private static final System.Logger LOG = System.getLogger(Executor.class.getName());

    private final GraphStore store;
    private final Deployer deployer;
    private final AlertRuleStore rules;
    private final DashboardPublisher dashboards;
    private final Events graphEvents;
    private final Function<String, HdaGraph> parser;

    Executor(
            GraphStore store,
            Deployer deployer,
            AlertRuleStore rules,
            DashboardPublisher dashboards,
            Clock clock,
            Function<String, HdaGraph> parser) {
        this.store = store;
        this.deployer = deployer;
        this.rules = rules;
        this.dashboards = dashboards;
        this.graphEvents = new Events(clock);
        this.parser = parser;
    }

    /**
     * @param graph a stored graph with recorded work
     * @return the graph once settled, or {@code null} when it was removed
     */
    StoredGraph carryOut(StoredGraph graph) {
        StoredGraph g = graph;
        if (!Lifecycle.leaving(g.status())) {
            g = syncRules(g);
            g = publishDashboard(g);
        }
        for (StoredService s : g.services()) {
            switch (s.status()) {
                case DEPLOYING -> g = install(g, s);
                case STOPPING -> g = uninstall(g, s, ServiceStatus.STOPPED);
                case REMOVING -> g = uninstall(g, s, null);
                default -> {}
            }
        }
        return settle(g);
    }

    /** Leaves the graph in the state {@link Lifecycle#settle} gives for its transitional state. */
    private StoredGraph settle(StoredGraph g) {
        boolean failed = g.services().stream().anyMatch(s -> s.status() == ServiceStatus.FAILED);
        GraphStatus next = Lifecycle.settle(g.status(), failed);
        if (next == null) {
            clearRules(g);
            deleteDashboards(g);
            store.delete(
                    g.name(),
                    g.version(),
                    List.of(graphEvents.of(
                            g, null, "REMOVED", "Graph removed: releases uninstalled, rules and dashboard deleted.")));
            return null;
        }
        if (g.status() == next) {
            return g;
        }
        if (next == GraphStatus.STOPPED) {
            clearRules(g);
        }
        String why = switch (next) {
            case STOPPED -> "Graph stopped: every release uninstalled.";
            case FAILED -> "Graph failed: see the failed services' last errors.";
            default -> "Graph running: every service installed or waiting for its trigger.";
        };
        return store.update(g.withStatus(next), List.of(graphEvents.of(g, null, next.name(), why)));
    }

    private StoredGraph install(StoredGraph g, StoredService s) {
        ReleaseSpec spec = new ReleaseSpec(g.project(), s.name(), s.chart().reference(), null, s.values());
        ReleaseStatus status;
        try {
            status = deployer.apply(spec);
        } catch (RuntimeException e) {
            String reason = message(e);
            LOG.log(Level.WARNING, "Release " + g.project() + "/" + s.name() + " failed: " + reason);
            return store.update(
                    g.withService(s.withStatus(ServiceStatus.FAILED, reason)),
                    List.of(graphEvents.of(
                            g,
                            s.name(),
                            "RELEASE_FAILED",
                            "Release " + g.project() + "/" + s.name() + " failed: " + reason)));
        }
        // A store failure here is not the release's: it propagates, and the recorded step is redone later.
        return store.update(
                g.withService(s.withStatus(ServiceStatus.DEPLOYED, null)),
                List.of(graphEvents.of(
                        g,
                        s.name(),
                        "RELEASE_APPLIED",
                        "Release " + g.project() + "/" + s.name()
                                + " " + status.state() + " (revision " + status.revision() + ") on cluster "
                                + s.cluster() + " from " + s.chart().reference() + ".")));
    }

    private StoredGraph uninstall(StoredGraph g, StoredService s, ServiceStatus next) {
        try {
            deployer.uninstall(g.project(), s.name());
        } catch (RuntimeException e) {
            String reason = message(e);
            StoredService failed = s.withStatus(ServiceStatus.FAILED, reason);
            if (next == null) {
                // Removal goes on: the graph is deleted; the failure stays in the event log.
                return store.update(
                        g,
                        List.of(graphEvents.of(
                                g,
                                s.name(),
                                "UNINSTALL_FAILED",
                                "Uninstall of " + g.project() + "/" + s.name() + " failed: " + reason)));
            }
            return store.update(
                    g.withService(failed),
                    List.of(graphEvents.of(
                            g,
                            s.name(),
                            "UNINSTALL_FAILED",
                            "Uninstall of " + g.project() + "/" + s.name() + " failed: " + reason)));
        }
        GraphEvent done = graphEvents.of(
                g, s.name(), "RELEASE_UNINSTALLED", "Release " + g.project() + "/" + s.name() + " uninstalled.");
        return store.update(next == null ? g : g.withService(s.withStatus(next, null)), List.of(done));
    }

    /** Writes the rules of the services still waiting for their trigger. */
    private StoredGraph syncRules(StoredGraph g) {
        List<AlertRule> pending = g.services().stream()
                .filter(s -> s.status() == ServiceStatus.PENDING)
                .flatMap(s -> s.alertRules().stream())
                .toList();
        boolean anyEvent = g.services().stream().anyMatch(s -> !s.alertRules().isEmpty());
        if (!anyEvent) {
            return g;
        }
        try {
            rules.replace(g.project(), AlertRules.group(g.name()), pending);
            return g;
        } catch (RuntimeException e) {
            return store.update(
                    g,
                    List.of(graphEvents.of(
                            g,
                            null,
                            "RULES_FAILED",
                            "Alerting rules not written: " + message(e) + " Pending services wait until they are.")));
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
    private StoredGraph publishDashboard(StoredGraph g) {
        if (g.dashboardUrl() != null && g.services().stream().allMatch(s -> s.dashboardUrl() != null)) {
            return g;
        }
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
            return store.update(
                    next,
                    List.of(graphEvents.of(
                            g,
                            null,
                            "DASHBOARD_PUBLISHED",
                            "Dashboards published: graph " + "at " + next.dashboardUrl() + ", one per service.")));
        } catch (RuntimeException e) {
            return store.update(
                    g, List.of(graphEvents.of(g, null, "DASHBOARD_FAILED", "Dashboard not published: " + message(e))));
        }
    }

    private void deleteDashboards(StoredGraph g) {
        List<String> uids = new java.util.ArrayList<>();
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
