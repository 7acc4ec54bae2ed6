package dev.smo.core;

import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.placement.PlacementResult;
import java.util.List;
import java.util.Objects;

/**
 * A what-if answer: the placement, replicas, Helm values and alerting rules SMO would apply, without applying
 * them.
 *
 * @param graph the graph id
 * @param project the project (Kubernetes namespace)
 * @param placement the solver's result, with status, objective terms, bound, nodes and time
 * @param services one entry per service, in descriptor order
 */
public record Plan(String graph, String project, PlacementResult placement, List<PlannedService> services) {

    public Plan {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(placement, "placement");
        services = List.copyOf(services);
    }

    /** @return whether every service has a cluster */
    public boolean feasible() {
        return placement.status().hasSolution();
    }

    /**
     * @return whether the solver proved its answer: an optimal placement, or that no placement exists; false when a
     *     limit stopped it first (a placement found but not proven best, or none found although one may exist)
     */
    public boolean proven() {
        return placement.status() == Termination.OPTIMAL || placement.status() == Termination.INFEASIBLE;
    }
}
