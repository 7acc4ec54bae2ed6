package dev.smo.optimizer.milp;

/** Why a solve stopped, ordered from best to worst outcome for a caller that needs a solution. */
public enum Termination {
    /** A solution was found and proven optimal within the gap tolerances. */
    OPTIMAL,
    /** A solution was found, but a limit stopped the proof; see {@link SolveResult#gap()}. */
    FEASIBLE,
    /** Proven: no solution satisfies the constraints. */
    INFEASIBLE,
    /** Proven: the objective can improve without limit (the LP relaxation is unbounded). */
    UNBOUNDED,
    /** A node or time limit stopped the search before any solution was found. */
    LIMIT_REACHED,
    /** The LP engine failed (numerical trouble, iteration limit). */
    ERROR;

    /** @return true if the result holds a solution (OPTIMAL or FEASIBLE) */
    public boolean hasSolution() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
