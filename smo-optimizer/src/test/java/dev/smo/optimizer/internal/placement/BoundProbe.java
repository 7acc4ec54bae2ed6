package dev.smo.optimizer.internal.placement;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.PlacementOptimizer;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementResult;
import dev.smo.optimizer.placement.ServiceDemand;
import dev.smo.optimizer.placement.ServiceEdge;
import dev.smo.optimizer.support.Families;
import dev.smo.optimizer.support.OrToolsBridge;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Development probe (not a unit test): how far this engine's root bound is from the LP relaxations a MILP solver
 * starts from. Per instance: the root bound (node limit 1), the best bound after {@code --limit} seconds, GLOP on the
 * local-polytope LP (cut_e = 1 − Σ_k y_ek, y_ek ≤ x_ik, y_ek ≤ x_jk) with the capacity rows, and the objective found.
 * Arguments: {@code [--family tight] [--sizes 200x50] [--seeds 1,2] [--limit 10]}.
 */
public final class BoundProbe {

    private BoundProbe() {}

    public static void main(String[] args) {
        String sizes = "100x20,200x50";
        String seeds = "1,2";
        String families = "default,tight,gpu-full,many-removed";
        long limit = 10;
        String drop = "none";
        String scip = "";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> sizes = args[i + 1];
                case "--seeds" -> seeds = args[i + 1];
                case "--limit" -> limit = Long.parseLong(args[i + 1]);
                case "--family" -> families = args[i + 1];
                case "--drop" -> drop = args[i + 1];
                case "--scip" -> scip = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown argument (" + args[i] + ").");
            }
        }
        OrToolsBridge.load();
        PlacementOptimizer root = PlacementOptimizer.create(
                SolverOptions.defaults().withNodeLimit(1).withTimeLimit(Duration.ofSeconds(limit)));
        PlacementOptimizer full =
                PlacementOptimizer.create(SolverOptions.defaults().withTimeLimit(Duration.ofSeconds(limit)));
        for (String family : families.split(",", -1)) {
            for (String size : sizes.split(",", -1)) {
                String[] sc = size.split("x", -1);
                for (String seed : seeds.split(",", -1)) {
                    PlacementProblem p = Families.generate(
                            Families.Family.of(family),
                            Long.parseLong(seed),
                            Integer.parseInt(sc[0]),
                            Integer.parseInt(sc[1]));
                    p = drop(p, drop);
                    if (!scip.isEmpty()) {
                        OrToolsBridge.Outcome o = OrToolsBridge.solve(
                                PlacementMilpFormulation.of(p).model(), "SCIP", Duration.ofSeconds(limit), scip);
                        System.out.printf(
                                Locale.ROOT,
                                "%-13s %-8s %2s | SCIP [%s] %s objective %.4f bound %.4f %d ms%n",
                                family,
                                size,
                                seed,
                                scip,
                                o.status(),
                                o.objective(),
                                o.bound(),
                                o.time().toMillis());
                        continue;
                    }
                    PlacementResult r0 = root.solve(p);
                    PlacementResult r1 = full.solve(p);
                    double lp = localPolytope(p);
                    System.out.printf(
                            Locale.ROOT,
                            "%-13s %-8s %2s | root %12.4f in %6d ms | %ds bound %12.4f | LP %12.4f | found %12.4f %s%n",
                            family,
                            size,
                            seed,
                            r0.bound(),
                            r0.wallTime().toMillis(),
                            limit,
                            r1.bound(),
                            lp,
                            r1.objective(),
                            r1.describe());
                }
            }
        }
    }

    /** The problem without the GPU demands ("gpu"), the CPU and memory demands ("cpumem"), the edges ("edges"). */
    private static PlacementProblem drop(PlacementProblem p, String what) {
        if (what.equals("none")) {
            return p;
        }
        if (what.equals("edges")) {
            return new PlacementProblem(
                    p.services(), p.clusters(), p.currentPlacement(), List.of(), p.coLocationGroups(), p.weights());
        }
        List<ServiceDemand> services = p.services().stream()
                .map(s -> new ServiceDemand(
                        s.name(),
                        what.equals("cpumem") ? 0 : s.cpuMillis(),
                        what.equals("cpumem") ? 0 : s.memoryBytes(),
                        what.equals("gpu") ? 0 : s.gpus(),
                        s.replicas(),
                        s.allowedClusters()))
                .toList();
        return new PlacementProblem(
                services, p.clusters(), p.currentPlacement(), p.edges(), p.coLocationGroups(), p.weights());
    }

    private static double localPolytope(PlacementProblem p) {
        MPSolver s = MPSolver.createSolver("GLOP");
        List<ServiceDemand> services = p.services();
        List<ClusterCapacity> clusters = p.clusters();
        double[][] tie = TieBreaker.coefficients(p);
        MPVariable[][] x = new MPVariable[services.size()][clusters.size()];
        MPObjective obj = s.objective();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceDemand sd = services.get(i);
            index.put(sd.name(), i);
            MPConstraint one = s.makeConstraint(1, 1);
            String current = p.currentPlacement().get(sd.name());
            for (int k = 0; k < clusters.size(); k++) {
                ClusterCapacity c = clusters.get(k);
                if (c.ready() && sd.allows(c.name())) {
                    x[i][k] = s.makeNumVar(0, 1, "x" + i + "_" + k);
                    one.setCoefficient(x[i][k], 1);
                    double move = current != null && !current.equals(c.name()) ? p.moveCost() : 0;
                    obj.setCoefficient(x[i][k], move + tie[i][k]);
                }
            }
        }
        for (int k = 0; k < clusters.size(); k++) {
            ClusterCapacity c = clusters.get(k);
            for (int r = 0; r < 3 && c.ready(); r++) {
                long cap = Resources.of(c, r);
                MPConstraint row = s.makeConstraint(-MPSolver.infinity(), cap == 0 ? 0 : 1);
                for (int i = 0; i < services.size(); i++) {
                    long dem = Resources.of(services.get(i), r);
                    if (x[i][k] != null && dem > 0) {
                        row.setCoefficient(x[i][k], cap == 0 ? 1 : (double) dem / cap);
                    }
                }
            }
        }
        double constant = 0;
        for (ServiceEdge e : p.edges()) {
            int i = index.get(e.from());
            int j = index.get(e.to());
            double w = (double) p.weights().edgeCutCost() * e.weight();
            constant += w;
            for (int k = 0; k < clusters.size(); k++) {
                if (x[i][k] == null || x[j][k] == null) {
                    continue;
                }
                MPVariable y = s.makeNumVar(0, 1, "");
                obj.setCoefficient(y, -w);
                MPConstraint a = s.makeConstraint(-MPSolver.infinity(), 0);
                a.setCoefficient(y, 1);
                a.setCoefficient(x[i][k], -1);
                MPConstraint b = s.makeConstraint(-MPSolver.infinity(), 0);
                b.setCoefficient(y, 1);
                b.setCoefficient(x[j][k], -1);
            }
        }
        obj.setMinimization();
        MPSolver.ResultStatus status = s.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            return Double.NaN;
        }
        return obj.value() + constant;
    }
}
