package dev.smo.optimizer.scaling;

import dev.smo.optimizer.milp.Termination;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable outcome of a scaling decision. Check {@link #status()} first: replicas are present only when
 * {@link Termination#hasSolution()}; otherwise {@link #explanation()} names the service or cluster to re-place.
 *
 * @param status OPTIMAL, FEASIBLE, INFEASIBLE, LIMIT_REACHED or ERROR
 * @param replicas service → replicas, in the problem's service order; empty without a solution
 * @param objective the weighted objective value, NaN without a solution
 * @param nodes branch-and-bound nodes explored (all clusters)
 * @param wallTime wall time spent
 * @param explanation present when there is no solution
 */
public record ScalingResult(
        Termination status,
        Map<String, Integer> replicas,
        double objective,
        long nodes,
        Duration wallTime,
        Optional<ScalingExplanation> explanation) {

    /** Checks nulls and copies the replicas into an unmodifiable ordered map. */
    public ScalingResult {
        Objects.requireNonNull(status, "status");
        replicas = Collections.unmodifiableMap(new LinkedHashMap<>(replicas));
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** @return whether the orchestrator should re-place instead of scaling (no replica counts exist) */
    public boolean needsReplacement() {
        return !status.hasSolution();
    }
}
