package dev.smo.optimizer.internal.lp;

/** The port through which branch and bound solves each node's LP relaxation. */
@FunctionalInterface
public interface LpRelaxationSolver {

    /**
     * @param problem the relaxation (minimisation)
     * @return the status, and the optimum when OPTIMAL; never throws for infeasible or unbounded problems
     */
    LpSolution solve(LpProblem problem);
}
