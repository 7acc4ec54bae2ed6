package dev.smo.core.internal;

import dev.smo.core.Alert;
import dev.smo.core.AlertOutcome;
import dev.smo.core.Command;
import dev.smo.core.ConcurrentUpdateException;
import dev.smo.core.Lifecycle;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.GraphStore;
import java.util.List;

/**
 * Decides what one Alertmanager alert means: a firing alert for a pending service of a running graph deploys it;
 * everything else (resolved, unknown service, already deployed, stopped graph) is ignored, with the reason.
 */
final class AlertHandler {

    private final DefaultOrchestrator orchestrator;
    private final GraphStore store;

    AlertHandler(DefaultOrchestrator orchestrator, GraphStore store) {
        this.orchestrator = orchestrator;
        this.store = store;
    }

    AlertOutcome handle(Alert alert) {
        String name = alert.labels().get("alertname");
        String serviceName = alert.labels().get("service");
        String graphName = alert.labels().get("graph");
        if (!alert.firing()) {
            return ignored(name, graphName, serviceName, "The alert is resolved, not firing.");
        }
        if (serviceName == null) {
            return ignored(name, graphName, null, "The alert has no service label.");
        }
        List<StoredGraph> candidates = graphName != null
                ? store.find(graphName).stream().toList()
                : store.list(null).stream()
                        .filter(g -> g.service(serviceName).isPresent())
                        .toList();
        candidates = candidates.stream()
                .filter(g -> g.service(serviceName).isPresent())
                .toList();
        if (candidates.isEmpty()) {
            return ignored(
                    name,
                    graphName,
                    serviceName,
                    "No graph has service (" + serviceName + ")"
                            + (graphName == null ? "." : " in graph (" + graphName + ")."));
        }
        if (candidates.size() > 1) {
            return ignored(
                    name,
                    null,
                    serviceName,
                    "Service (" + serviceName + ") exists in several graphs and " + "the alert has no graph label.");
        }
        StoredGraph g = candidates.get(0);
        StoredService s = g.service(serviceName).orElseThrow();
        if (!Lifecycle.cell(Command.ALERT, g.status()).allowed()) {
            return record(g, s, name, "Graph is " + g.status().label() + "; alert ignored.");
        }
        if (s.status() != ServiceStatus.PENDING) {
            return record(g, s, name, "Service is " + s.status().label() + "; alert ignored, nothing reinstalled.");
        }
        try {
            StoredGraph after =
                    orchestrator.deployPending(g, s, "Alert (" + name + ") fired: deploying " + serviceName + ".");
            StoredService result = after.service(serviceName).orElseThrow();
            boolean ok = result.status() == ServiceStatus.DEPLOYED;
            return new AlertOutcome(
                    name,
                    g.name(),
                    serviceName,
                    ok ? "DEPLOYED" : "FAILED",
                    ok ? "Deployed on cluster " + result.cluster() + "." : result.lastError());
        } catch (ConcurrentUpdateException e) {
            return new AlertOutcome(
                    name,
                    g.name(),
                    serviceName,
                    "IGNORED",
                    "Graph is being changed by another "
                            + "request; the alert will be handled when Alertmanager repeats it.");
        }
    }

    /** Repeated alerts are routine (Alertmanager repeats them), so they are answered, not logged as events. */
    private static AlertOutcome record(StoredGraph g, StoredService s, String alert, String reason) {
        return new AlertOutcome(alert, g.name(), s.name(), "IGNORED", reason);
    }

    private static AlertOutcome ignored(String alert, String graph, String service, String reason) {
        return new AlertOutcome(alert, graph, service, "IGNORED", reason);
    }
}
