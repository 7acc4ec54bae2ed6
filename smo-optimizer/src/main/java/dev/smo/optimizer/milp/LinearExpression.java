package dev.smo.optimizer.milp;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * An immutable linear expression {@code constant + Σ coefficient_j·x_j}, with terms sorted by variable index.
 * Build one with {@link #builder()}; repeated variables are summed.
 */
public final class LinearExpression {

    private final int[] indices;
    private final double[] coefficients;
    private final double constant;

    private LinearExpression(int[] indices, double[] coefficients, double constant) {
        this.indices = indices;
        this.coefficients = coefficients;
        this.constant = constant;
    }

    /** @return a builder for an expression with no terms and constant 0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of non-zero terms */
    public int size() {
        return indices.length;
    }

    /**
     * @param term position among the terms, 0 ≤ term &lt; {@link #size()}
     * @return the variable index of that term
     */
    public int index(int term) {
        return indices[term];
    }

    /**
     * @param term position among the terms, 0 ≤ term &lt; {@link #size()}
     * @return the coefficient of that term
     */
    public double coefficient(int term) {
        return coefficients[term];
    }

    /** @return the constant part */
    public double constant() {
        return constant;
    }

    /**
     * @param values one value per model variable
     * @return {@code constant + Σ coefficient_j·values[j]}
     */
    public double evaluate(double[] values) {
        double sum = constant;
        for (int t = 0; t < indices.length; t++) {
            sum += coefficients[t] * values[indices[t]];
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int t = 0; t < indices.length; t++) {
            text.append(t == 0 ? "" : " + ")
                    .append(coefficients[t])
                    .append("·x")
                    .append(indices[t]);
        }
        return constant == 0 && indices.length > 0
                ? text.toString()
                : text.append(" + ").append(constant).toString();
    }

    /** Accumulates terms; not thread-safe. */
    public static final class Builder {

        private final TreeMap<Integer, Double> terms = new TreeMap<>();
        private double constant;

        private Builder() {}

        /**
         * Adds {@code coefficient·variable}.
         *
         * @param coefficient finite coefficient
         * @param variable a variable of the model the expression will be used in
         * @return this builder
         */
        public Builder add(double coefficient, Variable variable) {
            if (!Double.isFinite(coefficient)) {
                throw new InvalidModelException(
                        "Variable (" + variable.name() + ") gets a non-finite coefficient (" + coefficient + ").");
            }
            terms.merge(variable.index(), coefficient, Double::sum);
            return this;
        }

        /**
         * Adds {@code 1·variable}.
         *
         * @param variable a variable of the model the expression will be used in
         * @return this builder
         */
        public Builder add(Variable variable) {
            return add(1.0, variable);
        }

        /**
         * Adds a constant.
         *
         * @param value finite constant
         * @return this builder
         */
        public Builder constant(double value) {
            constant += value;
            return this;
        }

        /** @return the immutable expression, without zero terms */
        public LinearExpression build() {
            int[] idx = new int[terms.size()];
            double[] coef = new double[terms.size()];
            int n = 0;
            for (var term : terms.entrySet()) {
                if (term.getValue() != 0.0) {
                    idx[n] = term.getKey();
                    coef[n++] = term.getValue();
                }
            }
            return new LinearExpression(Arrays.copyOf(idx, n), Arrays.copyOf(coef, n), constant);
        }
    }
}
