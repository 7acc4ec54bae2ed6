package dev.smo.core;

import dev.smo.optimizer.placement.PlacementWeights;
import java.time.Duration;

/**
 * Per-call settings of a {@linkplain Orchestrator#plan(String, dev.smo.model.HdaGraph, PlanOptions) what-if plan}.
 *
 * @param weights the objective, or {@code null} for the orchestrator's own
 * @param timeLimit the solver's wall-time limit, or {@code null} for the orchestrator's own
 */
public record PlanOptions(PlacementWeights weights, Duration timeLimit) {

    /** The orchestrator's own objective and time limit. */
    public static final PlanOptions DEFAULTS = new PlanOptions(null, null);

    public PlanOptions {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("A plan's time limit must be positive, not " + timeLimit + ".");
        }
    }

    /**
     * @param weights the objective
     * @return a copy with this objective
     */
    public PlanOptions withWeights(PlacementWeights weights) {
        return new PlanOptions(weights, timeLimit);
    }

    /**
     * @param timeLimit the solver's wall-time limit
     * @return a copy with this limit
     */
    public PlanOptions withTimeLimit(Duration timeLimit) {
        return new PlanOptions(weights, timeLimit);
    }
}
