package dev.smo.optimizer.internal.bnb;

import dev.smo.optimizer.internal.lp.CommonsMathLpSolver;
import dev.smo.optimizer.internal.lp.LpProblem;
import dev.smo.optimizer.internal.lp.LpRelaxationSolver;
import dev.smo.optimizer.internal.lp.LpRow;
import dev.smo.optimizer.internal.lp.LpSolution;
import dev.smo.optimizer.internal.lp.LpStatus;
import dev.smo.optimizer.milp.Constraint;
import dev.smo.optimizer.milp.IncumbentHeuristic;
import dev.smo.optimizer.milp.LinearExpression;
import dev.smo.optimizer.milp.LinearModel;
import dev.smo.optimizer.milp.MilpSolver;
import dev.smo.optimizer.milp.Sense;
import dev.smo.optimizer.milp.SolveResult;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.milp.Variable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Best-bound branch and bound over LP relaxations, branching on the most fractional variable (lowest index on ties).
 * Internally everything is minimised; a maximisation objective is negated. When the objective has integer
 * coefficients on integer variables only, node bounds are rounded up (a free strengthening).
 */
public final class DefaultMilpSolver implements MilpSolver {

    private final SolverOptions options;
    private final LpRelaxationSolver lp;

    public DefaultMilpSolver(SolverOptions options) {
        this(options, new CommonsMathLpSolver(50_000));
    }

    public DefaultMilpSolver(SolverOptions options, LpRelaxationSolver lp) {
        this.options = Objects.requireNonNull(options, "options");
        this.lp = Objects.requireNonNull(lp, "lp");
    }

    @Override
    public SolveResult solve(LinearModel model, IncumbentHeuristic heuristic) {
        long start = System.nanoTime();
        long deadline = start + options.timeLimit().toNanos();
        List<Variable> vars = model.variables();
        int n = vars.size();
        double sign = model.sense() == Sense.MAXIMISE ? -1 : 1;
        LinearExpression objective = model.objective();
        double[] c = new double[n];
        for (int t = 0; t < objective.size(); t++) {
            c[objective.index(t)] = sign * objective.coefficient(t);
        }
        boolean integralObjective = integralObjective(model, c, sign * objective.constant());
        List<LpRow> rows = rows(model);
        double[] lower = new double[n];
        double[] upper = new double[n];
        double tol = options.integralityTolerance();
        for (Variable v : vars) {
            boolean integral = v.type().isIntegral();
            lower[v.index()] = integral ? Math.ceil(v.lower() - tol) : v.lower();
            upper[v.index()] = integral ? Math.floor(v.upper() + tol) : v.upper();
            if (lower[v.index()] > upper[v.index()]) {
                return result(Termination.INFEASIBLE, null, Double.NaN, sign, 0, start);
            }
        }
        Incumbent incumbent = new Incumbent(model, sign, options.feasibilityTolerance());
        heuristic.propose(model).ifPresent(incumbent::offer);

        PriorityQueue<Node> open = new PriorityQueue<>(NodeOrder.BEST_BOUND);
        long sequence = 0;
        open.add(new Node(sequence++, 0, Double.NEGATIVE_INFINITY, lower, upper));
        long nodes = 0;
        boolean limited = false;
        while (!open.isEmpty()) {
            if (nodes >= options.nodeLimit() || System.nanoTime() > deadline) {
                limited = true;
                break;
            }
            Node node = open.poll();
            if (incumbent.exists() && options.gapClosed(incumbent.value(), node.bound())) {
                continue;
            }
            nodes++;
            LpSolution relaxation =
                    lp.solve(new LpProblem(c, sign * objective.constant(), node.lower(), node.upper(), rows));
            if (relaxation.status() == LpStatus.INFEASIBLE) {
                continue;
            }
            if (relaxation.status() == LpStatus.UNBOUNDED) {
                return result(Termination.UNBOUNDED, null, Double.NEGATIVE_INFINITY, sign, nodes, start);
            }
            if (relaxation.status() == LpStatus.ERROR) {
                return incumbent.exists()
                        ? result(Termination.FEASIBLE, incumbent, node.bound(), sign, nodes, start)
                        : result(Termination.ERROR, null, Double.NaN, sign, nodes, start);
            }
            double bound = integralObjective ? Math.ceil(relaxation.objective() - 1e-6) : relaxation.objective();
            bound = Math.max(bound, node.bound());
            if (incumbent.exists() && options.gapClosed(incumbent.value(), bound)) {
                continue;
            }
            double[] x = relaxation.x();
            incumbent.offer(rounded(vars, x));
            int branch = mostFractional(vars, x, tol);
            if (branch < 0) {
                continue;
            }
            double value = x[branch];
            open.add(node.child(sequence++, branch, node.lower()[branch], Math.floor(value), bound));
            open.add(node.child(sequence++, branch, Math.ceil(value), node.upper()[branch], bound));
        }
        if (!limited) {
            return incumbent.exists()
                    ? result(Termination.OPTIMAL, incumbent, incumbent.value(), sign, nodes, start)
                    : result(Termination.INFEASIBLE, null, Double.NaN, sign, nodes, start);
        }
        double bound = open.isEmpty() ? Double.NEGATIVE_INFINITY : open.peek().bound();
        if (!incumbent.exists()) {
            return result(Termination.LIMIT_REACHED, null, bound, sign, nodes, start);
        }
        bound = Math.min(bound, incumbent.value());
        Termination termination =
                options.gapClosed(incumbent.value(), bound) ? Termination.OPTIMAL : Termination.FEASIBLE;
        return result(termination, incumbent, bound, sign, nodes, start);
    }

    private static List<LpRow> rows(LinearModel model) {
        List<LpRow> rows = new ArrayList<>();
        for (Constraint constraint : model.constraints()) {
            LinearExpression e = constraint.expression();
            int[] idx = new int[e.size()];
            double[] coef = new double[e.size()];
            for (int t = 0; t < e.size(); t++) {
                idx[t] = e.index(t);
                coef[t] = e.coefficient(t);
            }
            rows.add(new LpRow(idx, coef, constraint.relation(), constraint.rhs()));
        }
        return rows;
    }

    private static boolean integralObjective(LinearModel model, double[] c, double constant) {
        if (constant != Math.rint(constant)) {
            return false;
        }
        for (Variable v : model.variables()) {
            double coefficient = c[v.index()];
            if (coefficient != 0 && (!v.type().isIntegral() || coefficient != Math.rint(coefficient))) {
                return false;
            }
        }
        return true;
    }

    private static double[] rounded(List<Variable> vars, double[] x) {
        double[] r = x.clone();
        for (Variable v : vars) {
            if (v.type().isIntegral()) {
                r[v.index()] = Math.rint(r[v.index()]);
            }
        }
        return r;
    }

    private static int mostFractional(List<Variable> vars, double[] x, double tol) {
        int best = -1;
        double bestDistance = tol;
        for (Variable v : vars) {
            if (v.type().isIntegral()) {
                double f = x[v.index()] - Math.floor(x[v.index()]);
                double distance = Math.min(f, 1 - f);
                if (distance > bestDistance + 1e-12) {
                    best = v.index();
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static SolveResult result(
            Termination termination, Incumbent incumbent, double bound, double sign, long nodes, long start) {
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        double objective = incumbent == null ? Double.NaN : sign * incumbent.value();
        return new SolveResult(
                termination, objective, sign * bound, incumbent == null ? null : incumbent.values(), nodes, time);
    }
}
