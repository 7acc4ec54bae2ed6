package dev.smo.optimizer.placement;

/**
 * Weights of the placement objective
 * {@code moveCost·moves + edgeCutCost·Σ_{cut edges} weight + tieBreaker·T}, where {@code moves} counts services
 * with a current cluster that end elsewhere (including services whose cluster is gone), and {@code T ∈ [0, 1)} is
 * the normalised tie-breaker (see {@link PlacementResult#terms()}).
 *
 * <p>The two main costs are integers, so two different main-term values differ by at least 1; the tie-breaker's
 * total contribution stays below {@code tieBreaker < 1} and so never overrides them. Its job is to make the optimum
 * unique: among equally good placements, prefer for each service the cluster with the most headroom (free capacity
 * relative to the largest cluster, summed over CPU, memory and GPUs), then the earlier cluster.
 *
 * <p>Defaults ({@link #DEFAULTS}): moveCost 10, edgeCutCost 1, tieBreaker 0.5 — a move is worth ten units of cut
 * edge weight, so a service moves only to escape a vanished cluster or capacity, or to join neighbours linked by
 * more than ten units of edge weight.
 *
 * <p>{@link #lexicographic()}: fewest moves first, then the least cut edge weight, then the tie-breaker. It is solved
 * in stages (the fewest moves are proven first, then the cut is minimised under that number of moves); its scalar
 * value, reported in {@link ObjectiveTerms#total()}, is the weighted objective with {@code moveCost} replaced by
 * {@link #moveCostFor(long) edgeCutCost·W + 1}, W the total edge weight of the problem, which orders placements the
 * same way.
 *
 * @param moveCost cost of one moved service (≥ 0); not used when movesFirst
 * @param edgeCutCost cost per unit of edge weight cut across clusters (≥ 0)
 * @param tieBreaker total weight of the tie-breaker, 0 ≤ tieBreaker &lt; 1
 * @param movesFirst lexicographic: moves come strictly before the cut edges ({@link #lexicographic()})
 */
public record PlacementWeights(int moveCost, int edgeCutCost, double tieBreaker, boolean movesFirst) {

    /** moveCost 10, edgeCutCost 1, tieBreaker 0.5. */
    public static final PlacementWeights DEFAULTS = new PlacementWeights(10, 1, 0.5);

    /** Checks ranges. */
    public PlacementWeights {
        if (moveCost < 0 || edgeCutCost < 0 || !(tieBreaker >= 0 && tieBreaker < 1)) {
            throw new InvalidPlacementProblemException("PlacementWeights moveCost (" + moveCost + "), edgeCutCost ("
                    + edgeCutCost + ") or tieBreaker (" + tieBreaker + ") out of range.\n"
                    + "Maybe costs must be >= 0 and 0 <= tieBreaker < 1.");
        }
    }

    /**
     * Weighted (not lexicographic) weights.
     *
     * @param moveCost cost of one moved service (≥ 0)
     * @param edgeCutCost cost per unit of edge weight cut across clusters (≥ 0)
     * @param tieBreaker total weight of the tie-breaker, 0 ≤ tieBreaker &lt; 1
     */
    public PlacementWeights(int moveCost, int edgeCutCost, double tieBreaker) {
        this(moveCost, edgeCutCost, tieBreaker, false);
    }

    /** @return fewest moves, then least cut edge weight (edgeCutCost 1), then the tie-breaker (0.5) */
    public static PlacementWeights lexicographic() {
        return new PlacementWeights(1, 1, 0.5, true);
    }

    /**
     * @param totalEdgeWeight the sum of the problem's edge weights
     * @return the cost of one move in the scalar objective: {@code moveCost}, or {@code edgeCutCost·W + 1} when
     *     lexicographic (more than any cut can cost)
     */
    public long moveCostFor(long totalEdgeWeight) {
        return movesFirst ? edgeCutCost * totalEdgeWeight + 1 : moveCost;
    }
}
