package dev.smo.optimizer.support;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import dev.smo.optimizer.milp.Constraint;
import dev.smo.optimizer.milp.LinearExpression;
import dev.smo.optimizer.milp.LinearModel;
import dev.smo.optimizer.milp.Sense;
import dev.smo.optimizer.milp.Variable;
import java.time.Duration;

/** Solves a {@link LinearModel} with OR-Tools' MPSolver (SCIP by default), as a reference. */
public final class OrToolsBridge {

    private static boolean loaded;

    private OrToolsBridge() {}

    /** Reference outcome: status name, objective, values (null unless a solution was found), and wall time. */
    @SuppressWarnings("ArrayRecordComponent") // a result carrier, never compared
    public record Outcome(
            String status, boolean optimal, double objective, double[] values, Duration time, double bound) {}

    public static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    public static Outcome solve(LinearModel model, String solverId, Duration limit) {
        return solve(model, solverId, limit, "");
    }

    /**
     * @param solverId an MPSolver id: SCIP, CBC, CP_SAT, ...
     * @param specific solver-specific parameters, e.g. {@code num_workers:2} for CP_SAT ("" for none)
     */
    public static Outcome solve(LinearModel model, String solverId, Duration limit, String specific) {
        load();
        long start = System.nanoTime();
        MPSolver solver = MPSolver.createSolver(solverId);
        if (!specific.isEmpty()) {
            solver.setSolverSpecificParametersAsString(specific);
        }
        double inf = MPSolver.infinity();
        MPVariable[] vars = new MPVariable[model.variables().size()];
        for (Variable v : model.variables()) {
            double lo = Double.isInfinite(v.lower()) ? -inf : v.lower();
            double hi = Double.isInfinite(v.upper()) ? inf : v.upper();
            vars[v.index()] = solver.makeVar(lo, hi, v.type().isIntegral(), v.name());
        }
        for (Constraint c : model.constraints()) {
            double lo = switch (c.relation()) {
                case LESS_OR_EQUAL -> -inf;
                default -> c.rhs();
            };
            double hi = switch (c.relation()) {
                case GREATER_OR_EQUAL -> inf;
                default -> c.rhs();
            };
            MPConstraint row = solver.makeConstraint(lo, hi, c.name());
            LinearExpression e = c.expression();
            for (int t = 0; t < e.size(); t++) {
                row.setCoefficient(vars[e.index(t)], e.coefficient(t));
            }
        }
        MPObjective objective = solver.objective();
        LinearExpression e = model.objective();
        for (int t = 0; t < e.size(); t++) {
            objective.setCoefficient(vars[e.index(t)], e.coefficient(t));
        }
        objective.setOffset(e.constant());
        if (model.sense() == Sense.MAXIMISE) {
            objective.setMaximization();
        } else {
            objective.setMinimization();
        }
        solver.setTimeLimit(limit.toMillis());
        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        MPSolver.ResultStatus status = solver.solve(parameters);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        boolean found = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        double[] values = null;
        if (found) {
            values = new double[vars.length];
            for (int j = 0; j < vars.length; j++) {
                values[j] = vars[j].solutionValue();
            }
        }
        Outcome outcome = new Outcome(
                status.name(),
                status == MPSolver.ResultStatus.OPTIMAL,
                found ? objective.value() : Double.NaN,
                values,
                time,
                found ? objective.bestBound() : Double.NaN);
        solver.delete();
        return outcome;
    }
}
