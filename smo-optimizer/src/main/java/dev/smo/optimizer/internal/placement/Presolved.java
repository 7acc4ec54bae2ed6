package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.placement.Explanation;

/** What {@link Presolve#run} found: the data to search, or an infeasibility proven without search. */
sealed interface Presolved {

    /** The presolved data. */
    record Ready(PlacementData data) implements Presolved {}

    /** Infeasible before any search, with the reason. */
    record Infeasible(Explanation why) implements Presolved {}
}
