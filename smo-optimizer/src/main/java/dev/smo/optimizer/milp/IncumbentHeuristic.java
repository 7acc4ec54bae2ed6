package dev.smo.optimizer.milp;

import java.util.Optional;

/**
 * A problem-aware heuristic that proposes a first solution before branching. The solver re-checks the proposal
 * against every bound, integrality and constraint of the model and ignores it if it violates any.
 */
@FunctionalInterface
public interface IncumbentHeuristic {

    /** A heuristic that proposes nothing. */
    IncumbentHeuristic NONE = model -> Optional.empty();

    /**
     * @param model the model about to be solved
     * @return one value per model variable, or empty
     */
    Optional<double[]> propose(LinearModel model);
}
