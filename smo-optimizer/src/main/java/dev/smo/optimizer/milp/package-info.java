/**
 * Mixed-integer linear programming: a {@link dev.smo.optimizer.milp.LinearModel} creates its variables and
 * constraints, {@link dev.smo.optimizer.milp.MilpSolver} solves it by branch and bound within
 * {@link dev.smo.optimizer.milp.SolverOptions}, and returns an immutable {@link dev.smo.optimizer.milp.SolveResult}
 * whose {@link dev.smo.optimizer.milp.Termination} callers check first.
 */
package dev.smo.optimizer.milp;
