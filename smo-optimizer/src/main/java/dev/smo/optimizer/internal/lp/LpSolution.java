package dev.smo.optimizer.internal.lp;

/** An LP outcome; {@code x} and {@code objective} are meaningful only when OPTIMAL. */
public record LpSolution(LpStatus status, double objective, double[] x) {

    static LpSolution of(LpStatus status) {
        return new LpSolution(status, Double.NaN, null);
    }
}
