package dev.smo.optimizer.placement;

import java.util.Objects;

/**
 * An HDAG edge between two services (from their connectionPoints). When the two services end on different
 * clusters the edge is cut and costs {@code weight × PlacementWeights.edgeCutCost()}.
 *
 * @param from one service's name
 * @param to the other service's name (≠ from)
 * @param weight integral weight ≥ 1, e.g. the number of connection points linking the two
 */
public record ServiceEdge(String from, String to, int weight) {

    /** Checks the names and the weight. */
    public ServiceEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to) || weight < 1) {
            throw new InvalidPlacementProblemException("Edge (" + from + " -> " + to + ") with weight (" + weight
                    + ") is invalid.\nMaybe an edge needs two different services and a weight >= 1.");
        }
    }

    /**
     * @param from one service
     * @param to the other service
     * @return an edge of weight 1
     */
    public static ServiceEdge of(String from, String to) {
        return new ServiceEdge(from, to, 1);
    }
}
