package dev.smo.optimizer.milp;

/**
 * A decision variable created by {@link LinearModel}: {@code lower <= x <= upper}, integral unless continuous.
 *
 * @param index position in {@link LinearModel#variables()}, also the index into {@link SolveResult#values()}
 * @param name unique name within the model, used in explanations
 * @param type continuous, integer or binary
 * @param lower lower bound, may be {@link Double#NEGATIVE_INFINITY}
 * @param upper upper bound, may be {@link Double#POSITIVE_INFINITY}
 */
public record Variable(int index, String name, VariableType type, double lower, double upper) {

    /** Checks the bounds. */
    public Variable {
        if (name == null || name.isBlank()) {
            throw new InvalidModelException("Variable (" + index + ") has no name.");
        }
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new InvalidModelException("Variable (" + name + ") has bounds [" + lower + ", " + upper
                    + "] with lower > upper.\nMaybe swap the bounds.");
        }
    }
}
