package dev.smo.optimizer.internal.lp;

import java.util.List;

/**
 * {@code min objective·x + constant subject to rows, lower <= x <= upper} (bounds may be infinite).
 * Arrays are shared, not copied: callers must not change them while a solve runs.
 */
@SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
public record LpProblem(double[] objective, double constant, double[] lower, double[] upper, List<LpRow> rows) {

    public int columns() {
        return objective.length;
    }
}
