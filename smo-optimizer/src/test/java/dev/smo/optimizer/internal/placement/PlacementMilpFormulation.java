package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.milp.IncumbentHeuristic;
import dev.smo.optimizer.milp.LinearExpression;
import dev.smo.optimizer.milp.LinearModel;
import dev.smo.optimizer.milp.Relation;
import dev.smo.optimizer.milp.SolveResult;
import dev.smo.optimizer.milp.Variable;
import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.ServiceDemand;
import dev.smo.optimizer.placement.ServiceEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The placement problem as a plain MILP over the original services (no presolve), for cross-checks with the generic
 * engine and reference solvers (test and bench sources only; moveCost is {@link PlacementProblem#moveCost()}, so a
 * lexicographic problem is solved as its equivalent weighted one):
 * <pre>
 * min Σ_s Σ_k (moveCost·[k ≠ current(s)] + h[s][k])·x[s][k] + Σ_e edgeCutCost·w_e·cut_e
 * s.t. Σ_k x[s][k] = 1                                  for every service s
 *      Σ_s (demand_r(s) / capacity_r(k))·x[s][k] ≤ 1     for every ready cluster k, resource r (scaled rows:
 *                                                      bytes of memory would otherwise hurt solver numerics)
 *      x[a][k] = x[b][k]                                for consecutive members a, b of a coLocation group
 *      cut_e ≥ x[i][k] − x[j][k], cut_e ≥ x[j][k] − x[i][k]   for every edge e = (i, j), cluster k
 *      x[s][k] ∈ {0, 1} only for ready clusters allowed for s; 0 ≤ cut_e ≤ 1
 * </pre>
 */
public final class PlacementMilpFormulation {

    private final PlacementProblem problem;
    private final LinearModel model;
    private final Variable[][] x;
    private final List<Variable> cuts = new ArrayList<>();

    private PlacementMilpFormulation(PlacementProblem problem) {
        this.problem = problem;
        this.model = LinearModel.create("placement");
        List<ServiceDemand> services = problem.services();
        List<ClusterCapacity> clusters = problem.clusters();
        this.x = new Variable[services.size()][clusters.size()];
        double[][] tie = TieBreaker.coefficients(problem);
        long moveCost = problem.moveCost();
        LinearExpression.Builder objective = LinearExpression.builder();
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < services.size(); s++) {
            ServiceDemand service = services.get(s);
            index.put(service.name(), s);
            LinearExpression.Builder one = LinearExpression.builder();
            String current = problem.currentPlacement().get(service.name());
            for (int k = 0; k < clusters.size(); k++) {
                ClusterCapacity cluster = clusters.get(k);
                if (cluster.ready() && service.allows(cluster.name())) {
                    x[s][k] = model.binary("x_" + service.name() + "_" + cluster.name());
                    one.add(x[s][k]);
                    double move = current != null && !current.equals(cluster.name()) ? moveCost : 0;
                    objective.add(move + tie[s][k], x[s][k]);
                }
            }
            model.constraint("assign_" + service.name(), one.build(), Relation.EQUAL, 1);
        }
        for (int k = 0; k < clusters.size(); k++) {
            ClusterCapacity cluster = clusters.get(k);
            for (int r = 0; r < PlacementData.RESOURCES && cluster.ready(); r++) {
                LinearExpression.Builder row = LinearExpression.builder();
                long capacity = Resources.of(cluster, r);
                for (int s = 0; s < services.size(); s++) {
                    long demand = Resources.of(services.get(s), r);
                    if (x[s][k] != null && demand > 0) {
                        row.add(capacity == 0 ? 1.0 : (double) demand / capacity, x[s][k]);
                    }
                }
                LinearExpression lhs = row.build();
                if (lhs.size() > 0) {
                    model.constraint(
                            "cap_" + cluster.name() + "_" + r, lhs, Relation.LESS_OR_EQUAL, capacity == 0 ? 0 : 1);
                }
            }
        }
        int g = 0;
        for (Set<String> group : problem.coLocationGroups()) {
            List<String> members = new ArrayList<>(new java.util.TreeSet<>(group));
            for (int m = 1; m < members.size(); m++) {
                int a = index.get(members.get(m - 1));
                int b = index.get(members.get(m));
                for (int k = 0; k < clusters.size(); k++) {
                    LinearExpression.Builder row = LinearExpression.builder();
                    if (x[a][k] != null) {
                        row.add(x[a][k]);
                    }
                    if (x[b][k] != null) {
                        row.add(-1, x[b][k]);
                    }
                    model.constraint("coloc_" + g + "_" + m + "_" + k, row.build(), Relation.EQUAL, 0);
                }
            }
            g++;
        }
        int e = 0;
        for (ServiceEdge edge : problem.edges()) {
            int i = index.get(edge.from());
            int j = index.get(edge.to());
            Variable cut = model.continuous("cut_" + e, 0, 1);
            cuts.add(cut);
            objective.add((double) problem.weights().edgeCutCost() * edge.weight(), cut);
            for (int k = 0; k < clusters.size(); k++) {
                if (x[i][k] == null && x[j][k] == null) {
                    continue;
                }
                model.constraint(
                        "cut_" + e + "_" + k + "_a", difference(cut, x[i][k], x[j][k]), Relation.GREATER_OR_EQUAL, 0);
                model.constraint(
                        "cut_" + e + "_" + k + "_b", difference(cut, x[j][k], x[i][k]), Relation.GREATER_OR_EQUAL, 0);
            }
            e++;
        }
        model.minimise(objective.build());
    }

    private static LinearExpression difference(Variable cut, Variable plus, Variable minus) {
        LinearExpression.Builder row = LinearExpression.builder().add(cut);
        if (plus != null) {
            row.add(-1, plus);
        }
        if (minus != null) {
            row.add(minus);
        }
        return row.build();
    }

    public static PlacementMilpFormulation of(PlacementProblem problem) {
        return new PlacementMilpFormulation(problem);
    }

    public LinearModel model() {
        return model;
    }

    /** The greedy incumbent of the placement optimizer, as MILP values. */
    public IncumbentHeuristic heuristic() {
        return m -> {
            if (!(Presolve.run(problem) instanceof Presolved.Ready ready)) {
                return Optional.empty();
            }
            PlacementData d = ready.data();
            int[] units = Greedy.assign(d);
            if (units == null) {
                return Optional.empty();
            }
            Map<String, String> assignment = new LinkedHashMap<>();
            for (int u = 0; u < d.units(); u++) {
                for (int s : d.members()[u]) {
                    assignment.put(
                            problem.services().get(s).name(),
                            problem.clusters().get(units[u]).name());
                }
            }
            return Optional.of(values(assignment));
        };
    }

    /** @return MILP values for a complete assignment (service → cluster) */
    public double[] values(Map<String, String> assignment) {
        double[] v = new double[model.variables().size()];
        Map<String, Integer> clusterIndex = new HashMap<>();
        for (int k = 0; k < problem.clusters().size(); k++) {
            clusterIndex.put(problem.clusters().get(k).name(), k);
        }
        for (int s = 0; s < x.length; s++) {
            Variable chosen = x[s][
                    clusterIndex.get(assignment.get(problem.services().get(s).name()))];
            if (chosen != null) {
                v[chosen.index()] = 1;
            }
        }
        for (int e = 0; e < cuts.size(); e++) {
            ServiceEdge edge = problem.edges().get(e);
            v[cuts.get(e).index()] = assignment.get(edge.from()).equals(assignment.get(edge.to())) ? 0 : 1;
        }
        return v;
    }

    /** @return service → cluster read from a solution's x values (> 0.5), in service order */
    public Map<String, String> assignment(double[] values) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int s = 0; s < x.length; s++) {
            for (int k = 0; k < x[s].length; k++) {
                if (x[s][k] != null && values[x[s][k].index()] > 0.5) {
                    result.put(
                            problem.services().get(s).name(),
                            problem.clusters().get(k).name());
                }
            }
        }
        return result;
    }

    /** @return the assignment of a result with a solution */
    public Map<String, String> assignment(SolveResult result) {
        return assignment(result.values());
    }
}
