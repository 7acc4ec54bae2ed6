package dev.smo.optimizer.internal.bnb;

import dev.smo.optimizer.milp.LinearModel;

/** The best verified solution so far, in minimisation form. */
final class Incumbent {

    private final LinearModel model;
    private final double sign;
    private final double tolerance;
    private double[] values;
    private double value = Double.POSITIVE_INFINITY;

    Incumbent(LinearModel model, double sign, double tolerance) {
        this.model = model;
        this.sign = sign;
        this.tolerance = tolerance;
    }

    /** Re-checks the candidate against the original model; keeps it if valid and strictly better. */
    boolean offer(double[] candidate) {
        if (candidate == null
                || candidate.length != model.variables().size()
                || model.firstViolation(candidate, tolerance) != null) {
            return false;
        }
        double v = sign * model.objective().evaluate(candidate);
        if (v < value) {
            value = v;
            values = candidate.clone();
            return true;
        }
        return false;
    }

    boolean exists() {
        return values != null;
    }

    double value() {
        return value;
    }

    double[] values() {
        return values;
    }
}
