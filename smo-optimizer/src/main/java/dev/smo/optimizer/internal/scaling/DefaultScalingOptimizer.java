package dev.smo.optimizer.internal.scaling;

import dev.smo.optimizer.milp.LinearExpression;
import dev.smo.optimizer.milp.LinearModel;
import dev.smo.optimizer.milp.MilpSolver;
import dev.smo.optimizer.milp.Relation;
import dev.smo.optimizer.milp.SolveResult;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.milp.Variable;
import dev.smo.optimizer.scaling.ScalingCluster;
import dev.smo.optimizer.scaling.ScalingExplanation;
import dev.smo.optimizer.scaling.ScalingOptimizer;
import dev.smo.optimizer.scaling.ScalingProblem;
import dev.smo.optimizer.scaling.ScalingResult;
import dev.smo.optimizer.scaling.ScalingService;
import dev.smo.optimizer.scaling.ScalingWeights;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clusters share nothing in the scaling model, so each cluster is one small MILP. Presolve lifts each lower bound to
 * the replicas the rate needs; every infeasibility is then a single service above its maximum or a single cluster
 * short of CPU, memory or GPUs at the lower bounds, which the explanation names.
 */
public final class DefaultScalingOptimizer implements ScalingOptimizer {

    private final SolverOptions options;

    public DefaultScalingOptimizer(SolverOptions options) {
        this.options = options;
    }

    @Override
    public ScalingResult solve(ScalingProblem problem) {
        long start = System.nanoTime();
        Optional<ScalingExplanation> why = ScalingPresolve.explainInfeasibility(problem);
        if (why.isPresent()) {
            return new ScalingResult(Termination.INFEASIBLE, Map.of(), Double.NaN, 0, since(start), why);
        }
        double cpuNorm = 1;
        for (ScalingService s : problem.services()) {
            cpuNorm = Math.max(cpuNorm, (double) s.maxReplicas() * s.cpuMillis());
        }
        Map<String, Integer> replicas = new LinkedHashMap<>();
        problem.services().forEach(s -> replicas.put(s.name(), 0));
        double objective = 0;
        long nodes = 0;
        Termination status = Termination.OPTIMAL;
        MilpSolver solver = MilpSolver.create(options);
        for (ScalingCluster cluster : problem.clusters()) {
            List<ScalingService> here = new ArrayList<>();
            problem.services().stream()
                    .filter(s -> s.cluster().equals(cluster.name()))
                    .forEach(here::add);
            if (here.isEmpty()) {
                continue;
            }
            ClusterModel model = ClusterModel.build(cluster, here, problem.weights(), cpuNorm);
            SolveResult result = solver.solve(model.model(), m -> Optional.of(model.lowestReplicas()));
            nodes += result.nodes();
            if (!result.termination().hasSolution()) {
                ScalingExplanation failure = new ScalingExplanation(
                        ScalingExplanation.Reason.SOLVER_FAILED,
                        "",
                        cluster.name(),
                        "Scaling on cluster (" + cluster.name() + ") stopped with " + result.describe()
                                + " before finding replica counts.\nMaybe raise the solver limits.");
                return new ScalingResult(
                        result.termination(), Map.of(), Double.NaN, nodes, since(start), Optional.of(failure));
            }
            if (result.termination() == Termination.FEASIBLE) {
                status = Termination.FEASIBLE;
            }
            objective += result.objective();
            for (int i = 0; i < here.size(); i++) {
                replicas.put(here.get(i).name(), (int)
                        Math.rint(result.value(model.replicas().get(i))));
            }
        }
        return new ScalingResult(status, replicas, objective, nodes, since(start), Optional.empty());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static final double MIB = 1024.0 * 1024.0;

    /** One cluster's MILP: r_s integer, d_s ≥ |r_s − prev_s|, Σ cpu·r, Σ memory·r, Σ gpus·r ≤ capacity. */
    @SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
    record ClusterModel(LinearModel model, List<Variable> replicas, double[] lowestReplicas) {

        static ClusterModel build(
                ScalingCluster cluster, List<ScalingService> services, ScalingWeights weights, double cpuNorm) {
            LinearModel model = LinearModel.create("scaling-" + cluster.name());
            List<Variable> replicas = new ArrayList<>();
            List<Variable> changes = new ArrayList<>();
            LinearExpression.Builder cpu = LinearExpression.builder();
            LinearExpression.Builder memory = LinearExpression.builder();
            LinearExpression.Builder gpus = LinearExpression.builder();
            boolean usesMemory = false;
            boolean usesGpus = false;
            LinearExpression.Builder objective = LinearExpression.builder();
            for (ScalingService s : services) {
                Variable r = model.integer("r_" + s.name(), s.replicasNeeded(), s.maxReplicas());
                Variable d = model.continuous("d_" + s.name(), 0, Double.POSITIVE_INFINITY);
                model.constraint(
                        "up_" + s.name(),
                        LinearExpression.builder().add(d).add(-1, r).build(),
                        Relation.GREATER_OR_EQUAL,
                        -s.previousReplicas());
                model.constraint(
                        "down_" + s.name(),
                        LinearExpression.builder().add(d).add(r).build(),
                        Relation.GREATER_OR_EQUAL,
                        (double) s.previousReplicas());
                cpu.add((double) s.cpuMillis(), r);
                // memory in MiB keeps the coefficients near the CPU ones for the simplex
                memory.add(s.memoryBytes() / MIB, r);
                gpus.add((double) s.gpus(), r);
                usesMemory |= s.memoryBytes() > 0;
                usesGpus |= s.gpus() > 0;
                objective.add(weights.cpu() * s.cpuMillis() / cpuNorm, r).add(weights.change() / s.maxReplicas(), d);
                replicas.add(r);
                changes.add(d);
            }
            model.constraint(
                    "cpu_" + cluster.name(), cpu.build(), Relation.LESS_OR_EQUAL, (double) cluster.cpuMillis());
            if (usesMemory && cluster.memoryBytes() != Long.MAX_VALUE) {
                model.constraint(
                        "memory_" + cluster.name(),
                        memory.build(),
                        Relation.LESS_OR_EQUAL,
                        cluster.memoryBytes() / MIB);
            }
            if (usesGpus && cluster.gpus() != Integer.MAX_VALUE) {
                model.constraint(
                        "gpus_" + cluster.name(), gpus.build(), Relation.LESS_OR_EQUAL, (double) cluster.gpus());
            }
            model.minimise(objective.build());
            double[] lowest = new double[model.variables().size()];
            for (int i = 0; i < services.size(); i++) {
                int r = services.get(i).replicasNeeded();
                lowest[replicas.get(i).index()] = r;
                lowest[changes.get(i).index()] = Math.abs(r - services.get(i).previousReplicas());
            }
            return new ClusterModel(model, List.copyOf(replicas), lowest);
        }
    }
}
