package dev.smo.optimizer.internal.lp;

/** Outcome of one LP relaxation. */
public enum LpStatus {
    OPTIMAL,
    INFEASIBLE,
    UNBOUNDED,
    ERROR
}
