package dev.smo.optimizer.internal.placement;

/**
 * How a {@link UnitSearch} runs, apart from its limits.
 *
 * @param polish whether new incumbents go through {@link LocalSearch} and {@link NeighbourhoodSearch} (tests turn
 *     it off so that the bounds have to do the proof)
 * @param retuneAfter nodes after which the capacity prices are re-tuned per node (tests use 0)
 * @param moveBudget at most this many services may move ({@link Integer#MAX_VALUE}: no limit); the second stage of
 *     a lexicographic solve keeps the fewest moves proven by the first
 * @param integral whether every objective value is an integer (the first stage of a lexicographic solve counts
 *     moves), so that a node whose bound rounds up to the incumbent is pruned
 */
record SearchSettings(boolean polish, long retuneAfter, int moveBudget, boolean integral) {

    /** Polished incumbents, re-tuning after 256 nodes, no move budget, any objective values. */
    static final SearchSettings DEFAULTS = new SearchSettings(true, 256, Integer.MAX_VALUE, false);

    SearchSettings withPolish(boolean value) {
        return new SearchSettings(value, retuneAfter, moveBudget, integral);
    }

    SearchSettings withRetuneAfter(long value) {
        return new SearchSettings(polish, value, moveBudget, integral);
    }

    SearchSettings withMoveBudget(int value) {
        return new SearchSettings(polish, retuneAfter, value, integral);
    }

    SearchSettings withIntegral(boolean value) {
        return new SearchSettings(polish, retuneAfter, moveBudget, value);
    }

    boolean limitsMoves() {
        return moveBudget != Integer.MAX_VALUE;
    }
}
