package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.placement.Explanation;
import dev.smo.optimizer.placement.ObjectiveTerms;
import dev.smo.optimizer.placement.PlacementOptimizer;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Presolve, decomposition into independent components, a greedy incumbent, then {@link UnitSearch} per component.
 * The combined answer is re-checked against the original problem by {@link PlacementEvaluator}.
 */
public final class DefaultPlacementOptimizer implements PlacementOptimizer {

    private final SolverOptions options;

    public DefaultPlacementOptimizer(SolverOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public PlacementResult solve(PlacementProblem problem) {
        long start = System.nanoTime();
        long deadline = start + options.timeLimit().toNanos();
        Object presolved = Presolve.run(problem);
        if (presolved instanceof Explanation why) {
            return failure(Termination.INFEASIBLE, why, 0, start);
        }
        PlacementData d = (PlacementData) presolved;
        int[] greedy = Greedy.assign(d);
        int[] unitCluster = new int[d.units()];
        long nodes = 0;
        long nodeLimit = options.nodeLimit();
        double bound = 0;
        boolean complete = true;
        for (int[] component : Components.of(d)) {
            UnitSearch search =
                    new UnitSearch(d, component, deadline, Math.max(1, nodeLimit - nodes), options.absoluteGap());
            if (greedy != null) {
                search.offer(restrict(greedy, component), LocalSearch.value(d, component, greedy));
            }
            UnitSearch.SearchOutcome outcome = search.run();
            nodes += outcome.nodes();
            if (outcome.assignment() == null) {
                return outcome.complete()
                        ? failure(Termination.INFEASIBLE, new Explanations(problem).packingImpossible(), nodes, start)
                        : failure(
                                Termination.LIMIT_REACHED,
                                new Explanations(problem).limitReached("node or time" + " limit"),
                                nodes,
                                start);
            }
            complete &= outcome.complete();
            bound += outcome.bound();
            for (int u : component) {
                unitCluster[u] = outcome.assignment()[u];
            }
        }
        Map<String, String> assignment = new LinkedHashMap<>();
        String[] byService = new String[problem.services().size()];
        for (int u = 0; u < d.units(); u++) {
            for (int s : d.members()[u]) {
                byService[s] = problem.clusters().get(unitCluster[u]).name();
            }
        }
        for (int s = 0; s < byService.length; s++) {
            assignment.put(problem.services().get(s).name(), byService[s]);
        }
        PlacementEvaluator evaluator = new PlacementEvaluator(problem);
        String violation = evaluator.firstViolation(assignment);
        if (violation != null) {
            throw new IllegalStateException(
                    "Placement search returned an assignment violating (" + violation + "); this is a bug.");
        }
        ObjectiveTerms terms = evaluator.terms(assignment);
        boolean optimal = complete || options.gapClosed(terms.total(), bound);
        Termination status = optimal ? Termination.OPTIMAL : Termination.FEASIBLE;
        return new PlacementResult(
                status,
                assignment,
                terms,
                optimal ? terms.total() : Math.min(bound, terms.total()),
                nodes,
                Duration.ofNanos(System.nanoTime() - start),
                Optional.empty());
    }

    private static int[] restrict(int[] all, int[] component) {
        int[] a = new int[all.length];
        java.util.Arrays.fill(a, -1);
        for (int u : component) {
            a[u] = all[u];
        }
        return a;
    }

    private static PlacementResult failure(Termination status, Explanation why, long nodes, long start) {
        return new PlacementResult(
                status,
                Map.of(),
                null,
                Double.NaN,
                nodes,
                Duration.ofNanos(System.nanoTime() - start),
                Optional.of(why));
    }
}
