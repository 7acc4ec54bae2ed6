package dev.smo.optimizer.milp;

/** The direction of the objective. */
public enum Sense {
    /** Minimise the objective expression. */
    MINIMISE,
    /** Maximise the objective expression. */
    MAXIMISE
}
