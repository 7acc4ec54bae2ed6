package dev.smo.core;

import dev.smo.optimizer.placement.PlacementWeights;
import java.time.Duration;

/**
 * Per-call settings of a {@linkplain Orchestrator#plan(String, dev.smo.model.HdaGraph, PlanOptions) what-if plan}.
 *
 * @param weights the objective, or {@code null} for the orchestrator's own
 * @param timeLimit the solver's wall-time limit, or {@code null} for the orchestrator's own
 * @param nodeLimit the most search nodes the solver may explore, or {@code null} for the orchestrator's own; unlike
 *     the time limit it stops the search at the same point on any machine
 */
public record PlanOptions(PlacementWeights weights, Duration timeLimit, Long nodeLimit) {

    /** The orchestrator's own objective and limits. */
    public static final PlanOptions DEFAULTS = new PlanOptions(null, null, null);

    public PlanOptions {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("A plan's time limit must be positive, not " + timeLimit + ".");
        }
        if (nodeLimit != null && nodeLimit < 1) {
            throw new IllegalArgumentException("A plan's node limit must be at least 1, not " + nodeLimit + ".");
        }
    }

    /**
     * @param weights the objective
     * @return a copy with this objective
     */
    public PlanOptions withWeights(PlacementWeights weights) {
        return new PlanOptions(weights, timeLimit, nodeLimit);
    }

    /**
     * @param timeLimit the solver's wall-time limit
     * @return a copy with this limit
     */
    public PlanOptions withTimeLimit(Duration timeLimit) {
        return new PlanOptions(weights, timeLimit, nodeLimit);
    }

    /**
     * @param nodeLimit the most search nodes the solver may explore
     * @return a copy with this limit
     */
    public PlanOptions withNodeLimit(long nodeLimit) {
        return new PlanOptions(weights, timeLimit, nodeLimit);
    }
}
