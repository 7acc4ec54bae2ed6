package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.placement.Explanation;
import dev.smo.optimizer.placement.ObjectiveTerms;
import dev.smo.optimizer.placement.PlacementOptimizer;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementResult;
import dev.smo.optimizer.placement.PlacementWeights;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Presolve, decomposition into independent components, a first incumbent ({@link Greedy}, or
 * {@link FeasibilityFirst} when the greedy pass cannot place everything), then {@link UnitSearch} per component.
 * Lexicographic weights are solved in two stages: the fewest moves (stage 1, moves only), then the least cut and
 * tie-breaker with at most that many moves per component (stage 2, seeded with stage 1's placement). So are weighted
 * ones whose move costs more than every edge together ({@code moveCost > edgeCutCost·W}): they order placements the
 * same way, and one huge weight would drown the edge bounds. Without a tie-breaker every value is an integer, and the
 * search prunes what cannot beat the incumbent by a whole unit. The combined answer is re-checked against the
 * original problem by {@link PlacementEvaluator}.
 */
public final class DefaultPlacementOptimizer implements PlacementOptimizer {

    /** Share of the time limit the first lexicographic stage may use; the second always has stage 1's placement. */
    private static final double FIRST_STAGE_SHARE = 0.6;
    /**
     * Price per move in the second lexicographic stage, in units of edgeCutCost. Every placement the second stage
     * accepts has exactly the fewest moves once the first stage has proven them, so the price shifts all values by
     * the same constant and changes no decision, but it makes the relaxations keep services where they are: without it
     * the bounds let every service move for free and the cut bound collapses.
     */
    private static final int SECOND_STAGE_MOVE_PRICE = 10;
    /**
     * Tie-breaker of the second stage when the caller's weights have none: every new incumbent it brings, even one
     * with the same cut, goes through the neighbourhood search again, and those restarts are what find the least cut
     * on tight instances (`lexicographic` 100×20 seed 2 with {@code (W + 1, 1, 0)}: cut 229 without, 221 with). The
     * answer is reported in the caller's weights.
     */
    private static final double SECOND_STAGE_TIE_BREAKER = 0.5;

    private final SolverOptions options;

    public DefaultPlacementOptimizer(SolverOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public PlacementResult solve(PlacementProblem problem) {
        long start = System.nanoTime();
        long deadline = start + options.timeLimit().toNanos();
        PlacementWeights weights = problem.weights();
        boolean integral = weights.tieBreaker() == 0;
        if (!movesFirst(problem)) {
            Presolved presolved = Presolve.run(problem);
            if (presolved instanceof Presolved.Infeasible infeasible) {
                return failure(Termination.INFEASIBLE, infeasible.why(), 0, start);
            }
            PlacementData d = ((Presolved.Ready) presolved).data();
            SearchSettings settings = SearchSettings.DEFAULTS.withIntegral(integral);
            Stage stage = search(d, initial(d, deadline), null, settings, deadline, 0);
            if (stage.assignment() == null) {
                return noPlacement(problem, stage, start);
            }
            return finish(problem, d, stage.assignment(), stage.complete(), stage.bound(), stage.nodes(), start);
        }
        long firstDeadline =
                start + (long) (FIRST_STAGE_SHARE * options.timeLimit().toNanos());
        Presolved first = Presolve.run(problem.withWeights(new PlacementWeights(1, 0, 0)));
        if (first instanceof Presolved.Infeasible infeasible) {
            return failure(Termination.INFEASIBLE, infeasible.why(), 0, start);
        }
        PlacementData moves = ((Presolved.Ready) first).data();
        SearchSettings countMoves = SearchSettings.DEFAULTS.withIntegral(true).withRootBounds(false);
        Stage fewest = search(moves, initial(moves, firstDeadline), null, countMoves, firstDeadline, 0);
        if (fewest.assignment() == null) {
            return noPlacement(problem, fewest, start);
        }
        int price = Math.max(1, weights.edgeCutCost()) * SECOND_STAGE_MOVE_PRICE;
        double tie = integral ? SECOND_STAGE_TIE_BREAKER : weights.tieBreaker();
        PlacementData cut = ((Presolved.Ready)
                        Presolve.run(problem.withWeights(new PlacementWeights(price, weights.edgeCutCost(), tie))))
                .data();
        Stage least = search(
                cut, fewest.assignment(), fewest.assignment(), SearchSettings.DEFAULTS, deadline, fewest.nodes());
        long nodes = fewest.nodes() + least.nodes();
        double fewestMoves = Math.ceil(fewest.bound() - 1e-6);
        double cutBound = fewest.complete() ? Math.max(0, least.bound() - price * fewestMoves) : 0;
        if (integral) {
            // the weighted cut is an integer and the stage's own tie-breaker stays below `tie`
            cutBound = Math.max(0, Math.floor(cutBound - tie) + 1);
        }
        double bound = problem.moveCost() * fewestMoves + cutBound;
        return finish(problem, cut, least.assignment(), fewest.complete() && least.complete(), bound, nodes, start);
    }

    /**
     * Whether the placement is solved in stages: lexicographic weights, or weighted ones where one move costs more
     * than cutting every edge (and so more than any difference in cut and tie-breaker, which stays below 1).
     */
    private static boolean movesFirst(PlacementProblem problem) {
        PlacementWeights w = problem.weights();
        return w.movesFirst() || w.moveCost() > (long) w.edgeCutCost() * problem.totalEdgeWeight();
    }

    /** The greedy assignment, or, if it cannot place every unit, a feasibility-first one (null if none found). */
    private static int[] initial(PlacementData d, long deadline) {
        int[] greedy = Greedy.assign(d);
        if (greedy != null) {
            return greedy;
        }
        long now = System.nanoTime();
        return FeasibilityFirst.find(d, now + (deadline - now) / 2);
    }

    /**
     * Searches every component.
     *
     * @param initial a feasible assignment to start from (null: none)
     * @param budgetFrom if not null, each component may move at most as many services as this assignment does there
     * @param base how each component's search runs (integrality, root bounds), before its move budget
     * @param nodesBefore nodes already spent against the node limit
     */
    private Stage search(
            PlacementData d, int[] initial, int[] budgetFrom, SearchSettings base, long deadline, long nodesBefore) {
        int[] unitCluster = new int[d.units()];
        long nodes = 0;
        double bound = 0;
        boolean complete = true;
        for (int[] component : Components.of(d)) {
            SearchSettings settings = base;
            if (budgetFrom != null) {
                int budget = 0;
                for (int u : component) {
                    budget += d.moveCount()[u][budgetFrom[u]];
                }
                settings = settings.withMoveBudget(budget);
            }
            long nodeLimit = Math.max(1, options.nodeLimit() - nodesBefore - nodes);
            UnitSearch search = new UnitSearch(d, component, deadline, nodeLimit, options.absoluteGap(), settings);
            if (initial != null) {
                search.offer(restrict(initial, component), LocalSearch.value(d, component, initial));
            }
            UnitSearch.SearchOutcome outcome = search.run();
            nodes += outcome.nodes();
            if (outcome.assignment() == null) {
                return new Stage(null, outcome.complete(), Double.NaN, nodes);
            }
            complete &= outcome.complete();
            bound += outcome.bound();
            for (int u : component) {
                unitCluster[u] = outcome.assignment()[u];
            }
        }
        return new Stage(unitCluster, complete, bound, nodes);
    }

    private PlacementResult finish(
            PlacementProblem problem,
            PlacementData d,
            int[] unitCluster,
            boolean complete,
            double bound,
            long nodes,
            long start) {
        String[] byService = new String[problem.services().size()];
        for (int u = 0; u < d.units(); u++) {
            for (int s : d.members()[u]) {
                byService[s] = problem.clusters().get(unitCluster[u]).name();
            }
        }
        Map<String, String> assignment = new LinkedHashMap<>();
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

    /** A search that ended without a placement: proven infeasible if it was complete, else stopped by a limit. */
    private static PlacementResult noPlacement(PlacementProblem problem, Stage stage, long start) {
        Explanations explain = new Explanations(problem);
        return stage.complete()
                ? failure(Termination.INFEASIBLE, explain.packingImpossible(), stage.nodes(), start)
                : failure(Termination.LIMIT_REACHED, explain.limitReached("node or time limit"), stage.nodes(), start);
    }

    private static int[] restrict(int[] all, int[] component) {
        int[] a = new int[all.length];
        Arrays.fill(a, -1);
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

    /** One search over all components: cluster per unit (null if a component found none), proof, bound, nodes. */
    @SuppressWarnings("ArrayRecordComponent") // a value carrier, never compared
    private record Stage(int[] assignment, boolean complete, double bound, long nodes) {}
}
