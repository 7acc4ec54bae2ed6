package dev.smo.optimizer.placement;

import dev.smo.optimizer.milp.Termination;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable outcome of a placement. Check {@link #status()} first: the assignment is present only when
 * {@link Termination#hasSolution()}; otherwise {@link #explanation()} says why.
 *
 * @param status OPTIMAL, FEASIBLE (limit reached with a placement), INFEASIBLE or LIMIT_REACHED
 * @param assignment service → cluster, in the problem's service order; empty without a placement
 * @param terms the objective split into moves, cut edge weight and tie-breaker; null without a placement
 * @param bound proven lower bound on the objective (equals the objective when OPTIMAL; NaN when infeasible)
 * @param nodes search nodes explored
 * @param wallTime wall time spent
 * @param explanation present when there is no placement
 */
public record PlacementResult(
        Termination status,
        Map<String, String> assignment,
        ObjectiveTerms terms,
        double bound,
        long nodes,
        Duration wallTime,
        Optional<Explanation> explanation) {

    /** Checks nulls and makes the assignment an unmodifiable ordered copy. */
    public PlacementResult {
        Objects.requireNonNull(status, "status");
        assignment = Collections.unmodifiableMap(new LinkedHashMap<>(assignment));
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** @return the objective value, NaN without a placement */
    public double objective() {
        return terms == null ? Double.NaN : terms.total();
    }

    /** @return {@code (objective − bound) / max(1e-9, objective)}; 0 when optimal, NaN without a placement */
    public double gap() {
        if (terms == null) {
            return Double.NaN;
        }
        return status == Termination.OPTIMAL ? 0 : Math.max(0, objective() - bound) / Math.max(1e-9, objective());
    }

    /** @return "OPTIMAL", "FEASIBLE (gap 0.8%)", "INFEASIBLE: Service (x) needs ..." and so on */
    public String describe() {
        if (status == Termination.FEASIBLE) {
            return String.format(Locale.ROOT, "FEASIBLE (gap %.1f%%)", 100 * gap());
        }
        return explanation.map(e -> status + ": " + e.message()).orElse(status.name());
    }
}
