package dev.smo.optimizer.milp;

import java.util.Objects;

/**
 * A named linear constraint {@code Σ a_j·x_j (<= | = | >=) rhs}, created by {@link LinearModel#constraint}.
 *
 * @param index position in {@link LinearModel#constraints()}
 * @param name unique name within the model, used in explanations
 * @param expression the left-hand side (its constant is moved to the right-hand side by the model)
 * @param relation &lt;=, = or &gt;=
 * @param rhs the right-hand side
 */
public record Constraint(int index, String name, LinearExpression expression, Relation relation, double rhs) {

    /** Checks nulls and that the right-hand side is finite. */
    public Constraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(relation, "relation");
        if (!Double.isFinite(rhs)) {
            throw new InvalidModelException(
                    "Constraint (" + name + ") has a non-finite right-hand side (" + rhs + ").");
        }
    }

    /**
     * @param values one value per model variable
     * @param tolerance absolute feasibility tolerance
     * @return whether the values satisfy this constraint within the tolerance
     */
    public boolean isSatisfiedBy(double[] values, double tolerance) {
        return relation.holds(expression.evaluate(values), rhs, tolerance);
    }
}
