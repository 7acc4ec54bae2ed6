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
 *     moves; integer weights without a tie-breaker), so that a node whose bound rounds up to the incumbent is pruned
 * @param rootBounds whether the root also takes the knapsack bound and the joint ascent (the first lexicographic
 *     stage does not: its eviction cover proves the moves, and the extra bounds only cost time there)
 */
record SearchSettings(boolean polish, long retuneAfter, int moveBudget, boolean integral, boolean rootBounds) {

    /** Polished incumbents, re-tuning after 256 nodes, no move budget, any objective values, every root bound. */
    static final SearchSettings DEFAULTS = new SearchSettings(true, 256, Integer.MAX_VALUE, false, true);

    SearchSettings withPolish(boolean value) {
        return new SearchSettings(value, retuneAfter, moveBudget, integral, rootBounds);
    }

    SearchSettings withRetuneAfter(long value) {
        return new SearchSettings(polish, value, moveBudget, integral, rootBounds);
    }

    SearchSettings withMoveBudget(int value) {
        return new SearchSettings(polish, retuneAfter, value, integral, rootBounds);
    }

    SearchSettings withIntegral(boolean value) {
        return new SearchSettings(polish, retuneAfter, moveBudget, value, rootBounds);
    }

    SearchSettings withRootBounds(boolean value) {
        return new SearchSettings(polish, retuneAfter, moveBudget, integral, value);
    }

    boolean limitsMoves() {
        return moveBudget != Integer.MAX_VALUE;
    }
}
