package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.ObjectiveTerms;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.ServiceDemand;
import dev.smo.optimizer.placement.ServiceEdge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an assignment against the original problem and computes its objective terms, independently of the search.
 * The optimizer re-checks every answer here; tests use it for brute force.
 */
public final class PlacementEvaluator {

    private final PlacementProblem problem;
    private final double[][] tie;
    private final Map<String, Integer> serviceIndex = new HashMap<>();
    private final Map<String, Integer> clusterIndex = new HashMap<>();

    public PlacementEvaluator(PlacementProblem problem) {
        this.problem = problem;
        this.tie = TieBreaker.coefficients(problem);
        for (int s = 0; s < problem.services().size(); s++) {
            serviceIndex.put(problem.services().get(s).name(), s);
        }
        for (int k = 0; k < problem.clusters().size(); k++) {
            clusterIndex.put(problem.clusters().get(k).name(), k);
        }
    }

    /** @return the first violated rule, or null if the assignment (service → cluster) is feasible */
    public String firstViolation(Map<String, String> assignment) {
        List<ClusterCapacity> clusters = problem.clusters();
        long[] cpu = new long[clusters.size()];
        long[] memory = new long[clusters.size()];
        long[] gpu = new long[clusters.size()];
        for (ServiceDemand s : problem.services()) {
            String cluster = assignment.get(s.name());
            Integer k = cluster == null ? null : clusterIndex.get(cluster);
            if (k == null || !clusters.get(k).ready() || !s.allows(cluster)) {
                return "service " + s.name() + " on " + cluster;
            }
            cpu[k] += s.totalCpuMillis();
            memory[k] += s.totalMemoryBytes();
            gpu[k] += s.totalGpus();
        }
        for (int k = 0; k < clusters.size(); k++) {
            ClusterCapacity c = clusters.get(k);
            if (cpu[k] > c.cpuMillis() || memory[k] > c.memoryBytes() || gpu[k] > c.gpus()) {
                return "capacity of " + c.name();
            }
        }
        for (Set<String> group : problem.coLocationGroups()) {
            if (group.stream().map(assignment::get).distinct().count() > 1) {
                return "coLocation " + group;
            }
        }
        return null;
    }

    /** @return the objective terms of a complete assignment (feasibility not checked) */
    public ObjectiveTerms terms(Map<String, String> assignment) {
        int moves = 0;
        double tieSum = 0;
        for (ServiceDemand s : problem.services()) {
            String now = assignment.get(s.name());
            String before = problem.currentPlacement().get(s.name());
            if (before != null && !before.equals(now)) {
                moves++;
            }
            tieSum += tie[serviceIndex.get(s.name())][clusterIndex.get(now)];
        }
        long cut = 0;
        for (ServiceEdge e : problem.edges()) {
            if (!assignment.get(e.from()).equals(assignment.get(e.to()))) {
                cut += e.weight();
            }
        }
        double main =
                (double) problem.moveCost() * moves + (double) problem.weights().edgeCutCost() * cut;
        return new ObjectiveTerms(moves, cut, tieSum, main + tieSum);
    }
}
