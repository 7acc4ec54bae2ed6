package dev.smo.optimizer.milp;

/** The relation of a {@link Constraint}: {@code expression (<= | = | >=) rhs}. */
public enum Relation {
    /** {@code expression <= rhs}. */
    LESS_OR_EQUAL("<="),
    /** {@code expression = rhs}. */
    EQUAL("="),
    /** {@code expression >= rhs}. */
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** @return "&lt;=", "=" or "&gt;=" */
    public String symbol() {
        return symbol;
    }

    /**
     * @param lhs the expression's value
     * @param rhs the right-hand side
     * @param tolerance absolute feasibility tolerance
     * @return whether {@code lhs relation rhs} holds within the tolerance
     */
    public boolean holds(double lhs, double rhs, double tolerance) {
        return switch (this) {
            case LESS_OR_EQUAL -> lhs <= rhs + tolerance;
            case EQUAL -> Math.abs(lhs - rhs) <= tolerance;
            case GREATER_OR_EQUAL -> lhs >= rhs - tolerance;
        };
    }
}
