package dev.smo.optimizer.internal.lp;

/** An LP outcome; {@code x} and {@code objective} are meaningful only when OPTIMAL. */
@SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
public record LpSolution(LpStatus status, double objective, double[] x) {

    static LpSolution of(LpStatus status) {
        return new LpSolution(status, Double.NaN, null);
    }
}
