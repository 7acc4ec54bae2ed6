package dev.smo.optimizer.milp;

/** The domain of a {@link Variable}. */
public enum VariableType {
    /** Any real value within the bounds. */
    CONTINUOUS,
    /** Any integer within the bounds. */
    INTEGER,
    /** 0 or 1 (an integer with bounds [0, 1]). */
    BINARY;

    /** @return true for {@link #INTEGER} and {@link #BINARY} */
    public boolean isIntegral() {
        return this != CONTINUOUS;
    }
}
