package dev.smo.optimizer.milp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mixed-integer linear programme: {@code min|max c·x subject to A_i·x (<= | = | >=) b_i, l <= x <= u},
 * some x integral. The model creates its own variables and constraints and holds the objective; it never holds a
 * solution (see {@link MilpSolver#solve(LinearModel)}). Variables and constraints keep their creation order.
 */
public final class LinearModel {

    private final String name;
    private final List<Variable> variables = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final Map<String, Variable> variablesByName = new HashMap<>();
    private final Map<String, Constraint> constraintsByName = new HashMap<>();
    private Sense sense = Sense.MINIMISE;
    private LinearExpression objective = LinearExpression.builder().build();

    private LinearModel(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * @param name the model's name, for logs
     * @return an empty model minimising 0
     */
    public static LinearModel create(String name) {
        return new LinearModel(name);
    }

    /** @return the model's name */
    public String name() {
        return name;
    }

    /**
     * Adds a continuous variable {@code lower <= x <= upper}.
     *
     * @param name unique variable name
     * @param lower lower bound (may be -∞)
     * @param upper upper bound (may be +∞)
     * @return the new variable
     */
    public Variable continuous(String name, double lower, double upper) {
        return add(name, VariableType.CONTINUOUS, lower, upper);
    }

    /**
     * Adds an integer variable {@code lower <= x <= upper, x ∈ ℤ}.
     *
     * @param name unique variable name
     * @param lower lower bound (may be -∞)
     * @param upper upper bound (may be +∞)
     * @return the new variable
     */
    public Variable integer(String name, double lower, double upper) {
        return add(name, VariableType.INTEGER, lower, upper);
    }

    /**
     * Adds a binary variable {@code x ∈ {0, 1}}.
     *
     * @param name unique variable name
     * @return the new variable
     */
    public Variable binary(String name) {
        return add(name, VariableType.BINARY, 0, 1);
    }

    private Variable add(String variableName, VariableType type, double lower, double upper) {
        if (variablesByName.containsKey(variableName)) {
            throw new InvalidModelException("Variable (" + variableName + ") already exists in model (" + name + ").");
        }
        Variable variable = new Variable(variables.size(), variableName, type, lower, upper);
        variables.add(variable);
        variablesByName.put(variableName, variable);
        return variable;
    }

    /**
     * Adds the constraint {@code expression (<= | = | >=) rhs}; the expression's constant moves to the right.
     *
     * @param name unique constraint name
     * @param expression left-hand side over this model's variables
     * @param relation &lt;=, = or &gt;=
     * @param rhs finite right-hand side
     * @return the new constraint
     */
    public Constraint constraint(String name, LinearExpression expression, Relation relation, double rhs) {
        if (constraintsByName.containsKey(name)) {
            throw new InvalidModelException("Constraint (" + name + ") already exists in model (" + this.name + ").");
        }
        checkOwned(expression);
        LinearExpression lhs = expression.constant() == 0 ? expression : withoutConstant(expression);
        Constraint constraint = new Constraint(constraints.size(), name, lhs, relation, rhs - expression.constant());
        constraints.add(constraint);
        constraintsByName.put(name, constraint);
        return constraint;
    }

    private LinearExpression withoutConstant(LinearExpression expression) {
        LinearExpression.Builder builder = LinearExpression.builder();
        for (int t = 0; t < expression.size(); t++) {
            builder.add(expression.coefficient(t), variables.get(expression.index(t)));
        }
        return builder.build();
    }

    /**
     * Sets the objective to {@code min expression}.
     *
     * @param expression objective over this model's variables
     */
    public void minimise(LinearExpression expression) {
        checkOwned(expression);
        this.sense = Sense.MINIMISE;
        this.objective = expression;
    }

    /**
     * Sets the objective to {@code max expression}.
     *
     * @param expression objective over this model's variables
     */
    public void maximise(LinearExpression expression) {
        checkOwned(expression);
        this.sense = Sense.MAXIMISE;
        this.objective = expression;
    }

    private void checkOwned(LinearExpression expression) {
        for (int t = 0; t < expression.size(); t++) {
            if (expression.index(t) >= variables.size()) {
                throw new InvalidModelException("Expression uses variable index (" + expression.index(t)
                        + ") unknown to model (" + name + ").\nMaybe the variable was created by another model.");
            }
        }
    }

    /** @return the variables in creation order (unmodifiable view) */
    public List<Variable> variables() {
        return Collections.unmodifiableList(variables);
    }

    /** @return the constraints in creation order (unmodifiable view) */
    public List<Constraint> constraints() {
        return Collections.unmodifiableList(constraints);
    }

    /**
     * @param variableName a variable's name
     * @return that variable
     * @throws InvalidModelException if there is no such variable
     */
    public Variable variable(String variableName) {
        Variable variable = variablesByName.get(variableName);
        if (variable == null) {
            throw new InvalidModelException("Variable (" + variableName + ") is not in model (" + name + ").");
        }
        return variable;
    }

    /** @return minimise or maximise */
    public Sense sense() {
        return sense;
    }

    /** @return the objective expression (its constant is included in reported objective values) */
    public LinearExpression objective() {
        return objective;
    }

    /**
     * @param values one value per variable
     * @param tolerance absolute tolerance for bounds, rows and integrality
     * @return the name of the first bound, integrality or constraint the values violate, or null if none
     */
    public String firstViolation(double[] values, double tolerance) {
        for (Variable v : variables) {
            double x = values[v.index()];
            if (x < v.lower() - tolerance || x > v.upper() + tolerance) {
                return v.name() + " bounds";
            }
            if (v.type().isIntegral() && Math.abs(x - Math.rint(x)) > tolerance) {
                return v.name() + " integrality";
            }
        }
        for (Constraint c : constraints) {
            if (!c.isSatisfiedBy(values, tolerance)) {
                return c.name();
            }
        }
        return null;
    }
}
